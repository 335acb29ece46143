"""Writes small PDFs for the tests (no PDF library needed): pages of Helvetica text (plain or bold) or drawings, optionally
encrypted by the standard security handler (revision 2, RC4 40 bits) with a user password."""
import hashlib, struct

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def pdf(pages, user_password=None, owner_password=b"owner", links=None):
    """A PDF of one page per content stream (Helvetica as /F1, Helvetica-Bold as /F2); with user_password (bytes,
    b"" for none) encrypted by the standard security handler, revision 2 (RC4, 40 bits); links: for each page, the
    rectangles (x1, y1, x2, y2) of its links."""
    n = len(pages)
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            4 + 2 * n: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"}
    kids = []
    for k, content in enumerate(pages):
        page, stream = 4 + 2 * k, 5 + 2 * k
        kids.append(f"{page} 0 R".encode())
        annots = "".join(f"<< /Type /Annot /Subtype /Link /Rect [{x1} {y1} {x2} {y2}] /Border [0 0 0] >>"
                         for x1, y1, x2, y2 in (links[k] if links else []))
        objs[page] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 {4 + 2 * n} 0 R >> >> "
                      f"/Annots [{annots}] /Contents {stream} 0 R >>").encode()
        objs[stream] = content
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count " + str(n).encode() + b" >>"
    file_id = hashlib.md5(str(n).encode()).digest()
    key = None
    if user_password is not None:
        p = -44  # print, copy allowed
        o = rc4(hashlib.md5((owner_password + PAD)[:32]).digest()[:5], (user_password + PAD)[:32])
        key = hashlib.md5((user_password + PAD)[:32] + o + struct.pack("<i", p) + file_id).digest()[:5]
        u = rc4(key, PAD)
        enc = 4 + 2 * n + 1
        objs[enc] = (b"<< /Filter /Standard /V 1 /R 2 /O <" + o.hex().encode() + b"> /U <" + u.hex().encode() +
                     b"> /P " + str(p).encode() + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        body = objs[num]
        offsets[num] = len(out)
        if num >= 4 and num % 2 == 1 and num < 4 + 2 * n:  # a content stream
            data = body if key is None else rc4(hashlib.md5(key + struct.pack("<i", num)[:3] + b"\0\0").digest()[:10], body)
            out += f"{num} 0 obj\n<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n"
        else:
            out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for num in range(1, size):
        out += (f"{offsets[num]:010d} 00000 n \n" if num in offsets else "0000000000 65535 f \n").encode()
    trailer = f"<< /Size {size} /Root 1 0 R /ID [<{file_id.hex()}> <{file_id.hex()}>]".encode()
    if key is not None:
        trailer += f" /Encrypt {max(objs)} 0 R".encode()
    out += b"trailer\n" + trailer + b" >>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


def text_page(lines):
    """Content stream writing lines in Helvetica 12: each (y, text), or (y, text, options) with options
    x (72), size (12) and bold (False)."""
    ops = [b"BT"]
    for y, t, *rest in lines:
        o = rest[0] if rest else {}
        font = "F2" if o.get("bold") else "F1"
        ops.append(f"/{font} {o.get('size', 12)} Tf 1 0 0 1 {o.get('x', 72)} {y} Tm ({t}) Tj".encode())
    ops.append(b"ET")
    return b"\n".join(ops)
