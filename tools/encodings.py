#!/usr/bin/env python3
"""Writes the legacy-encoding fixtures in tests/fixtures/encodings/ from the UTF-8 text below.

Each fixture is a short FluxBB topic page (the markup of tests/fixtures/engines/fluxbb.html) whose words
need its encoding: windows-1252's curly quotes and euro sign (bytes 0x80-0x9F, which ISO-8859-1 lacks),
ISO-8859-2's Polish and Czech letters, Japanese in Shift_JIS, Chinese in GBK, and UTF-16 with a byte order
mark in both byte orders; and a UTF-8 page carrying C1 control characters (windows-1252 bytes pasted into
UTF-8 text, and UTF-8 read as Latin-1 and written again), which the tree builders repair. How each declares its encoding varies, so every step of the sniffing order is
exercised: `http-equiv` content, `<meta charset>`, nothing at all (the detector), a byte order mark.

Run from the repository root: python3 tools/encodings.py (the output is deterministic; commit it).
"""

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "encodings"


def page(declaration, title, section, posts):
    """A FluxBB topic page; posts are (id, author, date, paragraphs)."""
    blocks = []
    for n, (pid, author, date, paragraphs) in enumerate(posts, 1):
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        blocks.append(f"""<div id="p{pid}" class="blockpost">
\t<h2><span><span class="conr">#{n}</span> <a href="viewtopic.php?pid={pid}#p{pid}">{date}</a></span></h2>
\t<div class="box"><div class="inbox"><div class="postbody">
\t\t<div class="postleft"><dl><dt><strong><a href="profile.php?id={pid % 97}">{author}</a></strong></dt>
\t\t<dd class="usertitle"><strong>Member</strong></dd></dl></div>
\t\t<div class="postright"><h3>{title}</h3><div class="postmsg">{body}</div></div>
\t</div></div></div>
</div>""")
    return f"""<!DOCTYPE html>
<html lang="und">
<head>{declaration}<title>{title} / {section}</title></head>
<body>
<div id="punviewtopic" class="pun"><div class="punwrap"><div id="brdmain">
<ul class="crumbs"><li><a href="index.php">Index</a></li><li><span>&raquo; </span><a href="viewforum.php?id=3">{section}</a></li>
<li><span>&raquo; </span><strong><a href="viewtopic.php?id=77">{title}</a></strong></li></ul>
{chr(10).join(blocks)}
</div></div></div>
</body>
</html>
"""


def c1(s):
    """`s` as a UTF-8 page shows windows-1252 bytes pasted into it: each byte 0x80-0x9F a C1 control."""
    return s.encode("cp1252").decode("latin-1")


def twice(s):
    """`s` encoded as UTF-8, read as Latin-1 and written again: a curly quote becomes "â" and two C1 controls."""
    return s.encode("utf-8").decode("latin-1")


FIXTURES = {
    # vBulletin 3 and other old boards declare ISO-8859-1, which every browser reads as windows-1252.
    "windows-1252.html": ("windows-1252", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', page(
        "", "Café racer rebuild – what it cost", "Garage", [
            (5101, "Jürgen Weiß", "2006-03-14 19:02:11", [
                "Finished the café racer: the frame, the tank and the seat were €1,240 in total.",
                "My wife calls it “the money pit” — she’s not wrong… but it runs.",
            ]),
            (5102, "Zoë Ångström", "2006-03-15 08:45:30", [
                "Beautiful. Did the Brembo calipers fit without spacers? Mine needed 2½ mm.",
            ]),
        ])),
    "iso-8859-2.html": ("iso-8859-2", '<meta charset="iso-8859-2">', page(
        "", "Pociąg z Łodzi do Zakopanego", "Podróże", [
            (6201, "Łukasz Żółkiewski", "2008-07-02 10:15:00", [
                "Jechałem w zeszłym tygodniu: pociąg z Łodzi Fabrycznej jedzie osiem godzin.",
                "Wagon sypialny kosztował 189 zł, ale było czysto i cicho.",
            ]),
            (6202, "Jiří Dvořák", "2008-07-03 21:40:12", [
                "Příliš žluťoučký kůň úpěl ďábelské ódy, a vlak z Brna jede jen šest hodin.",
            ]),
        ])),
    "shift_jis.html": ("shift_jis", '<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">', page(
        "", "東京から京都への新幹線について", "旅行", [
            (7301, "山田太郎", "2012-04-05 12:30:00", [
                "来週、東京から京都まで新幹線で行きます。のぞみの指定席はいくらですか。",
                "荷物が多いので、座席の後ろのスペースも予約したいです。",
            ]),
            (7302, "佐藤花子", "2012-04-05 14:02:45", [
                "のぞみの指定席は片道で一万四千円くらいです。特大荷物スペースは予約が必要です。",
            ]),
        ])),
    # No declaration at all: the detector reads it.
    "gbk.html": ("gbk", "", page(
        "", "北京的冬天有多冷", "生活", [
            (8401, "李小龙", "2015-12-20 09:10:00", [
                "下个月要去北京出差，听说冬天非常冷，需要带什么样的衣服？",
                "我住在广州，从来没有见过下雪，有点担心。",
            ]),
            (8402, "王芳", "2015-12-20 11:25:31", [
                "一月份白天大约零下五度，晚上会到零下十五度，一定要带羽绒服和手套。",
            ]),
        ])),
    "utf-16le.html": ("utf-16-le", '<meta charset="utf-16">', page(
        "", "Ελληνικά και русский в одной теме", "Языки", [
            (9501, "Αλέξανδρος", "2019-02-11 17:00:00", ["Καλημέρα σε όλους· το φόρουμ διαβάζει επιτέλους ελληνικά."]),
            (9502, "Дмитрий", "2019-02-11 18:30:00", ["Добрый вечер! И русский текст тоже читается без ошибок."]),
        ])),
    "utf-16be.html": ("utf-16-be", "", page(
        "", "Emoji and accents in UTF-16", "Testing", [
            (9601, "Renée", "2020-08-09 07:45:00", ["A crème brûlée and a 🍮 for everyone who replies."]),
            (9602, "Søren", "2020-08-09 09:12:00", ["Tak! Æblegrød for me, please — with ø and å."]),
        ])),
    # UTF-8, but with windows-1252 punctuation pasted in as bytes and a double-encoded title.
    "utf8-c1-controls.html": ("utf-8", '<meta charset="utf-8">', page(
        "", twice("“Multiple system failures” – the outage thread"), "Airlines", [
            (9701, "Margit Öberg", "2009-11-03 08:15:00", [
                c1("The check-in system didn’t come back for three hours ‘due to a network fault’."),
                c1("• 42 flights delayed • 7 cancelled — and the app said nothing™."),
            ]),
            (9702, "Luis Peña", "2009-11-03 09:40:00", [
                twice("Same here in Málaga: the board showed “on time” until the gate closed."),
            ]),
        ])),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (codec, declaration, html) in FIXTURES.items():
        html = html.replace("<head>", f"<head>{declaration}", 1)
        data = html.encode(codec)
        if codec.startswith("utf-16"):
            data = "\ufeff".encode(codec) + data
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes, {codec}")


if __name__ == "__main__":
    main()
