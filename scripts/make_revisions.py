#!/usr/bin/env python3
"""Builds the revision set in corpus/revisions/ from three corpus documents by
applying documented edits, so that `qspec diff` can be tested against changes
known in advance. Each edit is an exact replacement that must apply once.

Usage: python3 scripts/make_revisions.py [--out DIR]   (rewrites corpus/revisions/*.txt, or writes into DIR)

Edits (what the diff must report, and nothing else):

structure-list-nvq4-leadership-management-care-rev2.txt (from the structure list, seed 000)
  1. E8 retitled as the datasheet words it: "Manage the finances in your area of responsibility"
     -> "Manage finance for your area of responsibility"           modified unit LMC-E8 (title)
  2. E6 given a unit reference number (A/104/0829)                  modified unit LMC-E6 (reference)
  3. B8 moved from the optional to the mandatory units             moved unit LMC-B8

unit-spec-F36J04-LMC-B2-rev2.txt (from the unit specification, seed 002)
  1. B2.3 pc 2 reworded                                             modified LMC-B2/B2.3/pc-2 (text)
  2. a new criterion 3 inserted in B2.1; 3-6 become 4-7            added pc-3, renumbered pc-3..6 -> pc-4..7
  3. knowledge point 5 moved from "Values" to "Legislation and Policy" (its number stays 5)
                                                                     moved LMC-B2/knowledge/values/kp-5
                                                                       -> LMC-B2/knowledge/legislation-and-policy/kp-5
  4. glossary term "Governance" deleted                            removed LMC-B2/glossary/governance
  5. element B2.4 added, with two criteria                          added element LMC-B2/B2.4

criteria-skills-for-care-level5-lmac-2021-rev2.txt (from the criteria framework, seed 004)
  1. LMAC5A/LM A.5 ("how coaching and mentoring…") moved to outcome B as B.5
                                                                     moved LMAC5A/LM/A/5 -> LMAC5A/LM/B/5
  2. the total qualification time changed from 900-950 to 900-1000 hours
                                                                     modified hours rule 1 (max, text)
"""
import argparse
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "corpus"
OUT = ROOT / "revisions"


def edit(text, old, new):
    if text.count(old) != 1:
        raise SystemExit(f"edit does not apply exactly once: {old[:60]!r}")
    return text.replace(old, new)


def structure_list():
    t = (ROOT / "structure-list-nvq4-leadership-management-care.txt").read_text(encoding="utf-8")
    t = edit(t, "Manage the finances in your area of responsibility (L/103/1603)",
             "Manage finance for your area of responsibility (L/103/1603)")
    t = edit(t, "Unit LMC E6 Contribute to the strategic policies of care services\n",
             "Unit LMC E6 Contribute to the strategic policies of care services (A/104/0829)\n")
    b8 = "Unit LMC B8 Lead and manage provision of care services that promotes positive behaviour (R/104/0819)\n"
    t = edit(t, b8, "")
    e1 = ("Unit LMC E1 Lead and manage effective communication that promotes positive outcomes for people within "
          "care services (D/104/0824)\n")
    t = edit(t, e1, e1 + b8)
    return t


def unit_spec():
    t = (ROOT / "unit-spec-F36J04-LMC-B2.txt").read_text(encoding="utf-8")
    cells = "\t" * 9
    t = edit(t, "2. You implement systems, practice and procedures to promote positive outcomes for people\u2019s health.",
             "2. You implement systems, practice and procedures that promote positive outcomes for people\u2019s "
             "physical and mental health.")
    # B2.1: renumber 6..3 to 7..4 (from the end, so no line is renumbered twice), then insert the new 3
    lines = t.split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("2. You support <b>workers</b> to manage"))
    for k in range(start + 4, start, -1):
        number = int(lines[k].split(".", 1)[0])
        lines[k] = f"{number + 1}." + lines[k].split(".", 1)[1]
    lines.insert(start + 1, "3. You make sure that each person\u2019s wishes about their outcomes are recorded in "
                            "their plan and reviewed with them." + cells)
    t = "\n".join(lines)
    kp5 = "5. Theories and approaches to advocacy, empowerment and people\u2019s rights.\t\n"
    t = edit(t, kp5, "")
    t = edit(t, "<b>Legislation and Policy</b>\t\n", "<b>Legislation and Policy</b>\t\n" + kp5)
    governance = next(l for l in t.split("\n") if l.startswith("<b>Governance</b>"))
    t = edit(t, governance + "\n", "")
    gap = " " + "\u00a0" * 4 + " "  # the list's own spacing: a space, four no-break spaces, a space
    b23 = "- LMC B2.3" + gap + "Lead and manage provision that promotes people\u2019s health**\n"
    t = edit(t, b23, b23 + "- LMC B2.4" + gap + "Lead and manage provision that promotes people\u2019s independence**\n")
    element = ("**LMC B2.4 Lead and manage provision that promotes people\u2019s independence**\n\n"
               "Performance criteria\tDO\tRA\tEW\tQ\tWP\tWT\tPD\tCS\tP/A/A\n"
               "1. You ensure that people are supported to make their own choices and to do as much for themselves "
               "as they can." + cells + "\n"
               "2. You review how the provision promotes people\u2019s independence and act on what the review "
               "finds." + cells + "\n\n"
               "*DO = Direct Observation RA = Reflective Account Q = Questions PD = Professional Discussion  \n"
               "EW = Expert Witness WP = Work Product WT = Witness Testimony CS = Case Study  \n"
               "P/A/A = Projects/Assignment/APL*\n\n")
    t = edit(t, "*To be completed by the Candidate*\n", element + "*To be completed by the Candidate*\n")
    return t


def criteria():
    t = (ROOT / "criteria-skills-for-care-level5-lmac-2021.txt").read_text(encoding="utf-8")
    a5 = " - 5. how coaching and mentoring can be used to compliment leadership style.\n"
    t = edit(t, a5, "")
    b4 = ("4. the interaction between the values and culture of an adult social care organisation and own "
          "leadership behaviours.\n")
    t = edit(t, b4, b4 + a5)
    t = edit(t, "- have a TQT of 900-950 hours", "- have a TQT of 900-1000 hours")
    return t


def main():
    parser = argparse.ArgumentParser(description="Builds the revision set of the diff tests.")
    parser.add_argument("--out", type=pathlib.Path, default=OUT, help="folder to write into (corpus/revisions/)")
    out = parser.parse_args().out
    out.mkdir(exist_ok=True)
    (out / "structure-list-nvq4-leadership-management-care-rev2.txt").write_text(structure_list(), encoding="utf-8")
    (out / "unit-spec-F36J04-LMC-B2-rev2.txt").write_text(unit_spec(), encoding="utf-8")
    (out / "criteria-skills-for-care-level5-lmac-2021-rev2.txt").write_text(criteria(), encoding="utf-8")


if __name__ == "__main__":
    main()
