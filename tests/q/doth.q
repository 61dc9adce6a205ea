/ the .h namespace (ref/doth.md): markup, HTTP responses, URI escapes, data as CSV/TSV/XML
/ .h.cd: a table (header then rows) or a list of columns; nested items joined with .h.d
/ .h.ha: a symbol href is bare, a string is quoted; .h.hb adds target=v
/ .h.hn[status;type;content]: unknown types are application/octet-stream, bytes accepted
/ .h.hu escapes the chars outside .h.sc as %xx; .h.uh undoes it
q).h.cd ([]a:1 2 3;b:`x`y`z)
"a,b"
"1,x"
"2,y"
"3,z"
q).h.cd (`a`b`c;1 2 3;"xyz")
"a,1,x"
"b,2,y"
"c,3,z"
q)t:([a:til 3]b:3 3#"abc";c:3 3#1 2 3)
q).h.d
" "
q).h.cd t
"a,b,c"
"0,abc,1 2 3"
"1,abc,1 2 3"
"2,abc,1 2 3"
q).h.d:"*"
q).h.cd t
"a,b,c"
"0,abc,1*2*3"
"1,abc,1*2*3"
"2,abc,1*2*3"
q).h.d:" "
q).h.td ([]a:1 2 3;b:`x`y`z)
"a\tb"
"1\tx"
"2\ty"
"3\tz"
q).h.xd ([]a:1 2 3;b:`x`y`z)
"<R>"
"<r><a>1</a><b>x</b></r>"
"<r><a>2</a><b>y</b></r>"
"<r><a>3</a><b>z</b></r>"
"</R>"
q)2#.h.ed ([]a:1 2 3;b:`x`y`z)
"<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?>"
"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:o=\"u..
q).h.code "foo\tbar"
"foo <code><nobr>bar</nobr></code>"
q).h.code "foo\tbar\tabc\tdef"
"foo <code><nobr>bar</nobr></code> abc <code><nobr>def</nobr></code>"
q).h.code "foo"
"foo"
q).h.ha[`http://www.example.com;"Example.com Main Page"]
"<a href=http://www.example.com>Example.com Main Page</a>"
q).h.ha["http://www.example.com";"Example.com Main Page"]
"<a href=\"http://www.example.com\">Example.com Main Page</a>"
q).h.hb["http://www.example.com";"Example.com Main Page"]
"<a target=v href=\"http://www.example.com\">Example.com Main Page</a>"
q).h.hc "<foo>"
"&lt;foo>"
q).h.hr "foo"
"---"
q).h.hta[`a;(`href`target)!("http://www.example.com";"_blank")]
"<a href=\"http://www.example.com\" target=\"_blank\">"
q).h.htac[`a;(`href`target)!("http://www.example.com";"_blank");"Example"]
"<a href=\"http://www.example.com\" target=\"_blank\">Example</a>"
q).h.htc[`tag;"value"]
"<tag>value</tag>"
q).h.html "<p>Hello world!</p>"
"<html><head><style>a{text-decoration:none}a:link{color:024C7E}a:visited{colo..
q)(.h.html "x")~"<html><head><style>",.h.sa,.h.sb,"</style></head><body>x</body></html>"
1b
q).h.http "see http://a.b and http://c.d"
"see <a href=\"http://a.b\">http://a.b</a> and <a href=\"http://c.d\">http://..
q).h.nbr "foo bar"
"<nobr>foo bar</nobr>"
q).h.pre("foo";"bar")
"<pre>foo\nbar\n</pre>"
q).h.xmp("foo";"bar")
"<xmp>foo\nbar\n</xmp>"
q).h.text("foo";"bar")
"<p>foo</p>\n<p>bar</p>\n"
q).h.br
"<br>"
q).h.c0
`024C7E
q).h.c1
`958600
q).h.sb
"body{font:10pt verdana;text-align:justify}"
q).h.sc
"$-.+!*'(),abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"
q).h.sa
"a{text-decoration:none}a:link{color:024C7E}a:visited{color:024C7E}a:active{c..
q).h.xs "Arthur & Co."
"Arthur &amp; Co."
q).h.xs "<a href=\"x\">'"
"&lt;a href=&quot;x&quot;&gt;&apos;"
q).h.hu "http://www.kx.com"
"http%3a%2f%2fwww.kx.com"
q).h.uh "http%3a%2f%2fwww.kx.com"
"http://www.kx.com"
q)(.h.hug "abc") "a b"
"a%20b"
q).h.uh .h.hu "a b/c?d=e"
"a b/c?d=e"
q).h.iso8601 100
"2000-01-01T00:00:00.000000100"
q).h.iso8601 0
"2000-01-01T00:00:00.000000000"
q)"\r\n" vs .h.hn["404";`txt;"Not found: favicon.ico"]
"HTTP/1.1 404"
"Content-Type: text/plain"
"Connection: close"
"Content-Length: 22"
""
"Not found: favicon.ico"
q)"\r\n" vs .h.hn["200";`;0x414243]
"HTTP/1.1 200"
"Content-Type: application/octet-stream"
"Connection: close"
"Content-Length: 3"
""
"ABC"
q)"\r\n" vs .h.hy[`json;"[]"]
"HTTP/1.1 200 OK"
"Content-Type: application/json"
"Connection: close"
"Content-Length: 2"
""
"[]"
q)"\r\n" vs .h.he "<rubbish>"
"HTTP/1.1 400 Bad Request"
"Content-Type: text/plain"
"Connection: close"
"Content-Length: 13"
""
"'&lt;rubbish>"
q).h.ka 0i
"close"
q).h.ka 2000i
"keep-alive"
q)7#.h.ty
htm | "text/html"
html| "text/html"
csv | "text/comma-separated-values"
txt | "text/plain"
xml | "text/plain"
xls | "application/msexcel"
gif | "image/gif"
q).h.tx[`json] ([] 0 1)
"{\"x\":0}"
"{\"x\":1}"
q).h.tx[`csv] ([]a:1 2;b:`x`y)
"a,b"
"1,x"
"2,y"
q).h.xt[`json;("{\"foo\":\"bar\"}";"{\"this\":\"that\"}")]~(enlist[`foo]!enlist"bar";enlist[`this]!enlist"that")
1b
q)first .h.xt[`json;("{\"foo\":\"bar\"}";"{\"this\":\"that\"}")]
foo| "bar"
q)/ .h.jx[j;x] (ref/doth.md): pages of a table at the HTTP size (\C, basics/syscmds.md)
q)\C
36 2000
q)jt:([] a:100*til 1000;b:til 1000)
q){(where x="<")_x}first .h.jx[0;`jt]
"<a href=\"?[0\">home"
"</a> "
"<a href=\"?[0\">up"
"</a> "
"<a href=\"?[32\">down"
"</a> "
"<a href=\"?[968\">end"
"</a> 1000[0]"
q)4#1_.h.jx[5;`jt]
""
"a    b"
"-------"
"500  5"
q)-1 first .h.jx[980;`jt];
<a href="?[0">home</a> <a href="?[948">up</a> <a href="?[968">down</a> <a href="?[968">end</a> 1000[980]
q)last .h.jx[990;`jt]
"99900 999"
q).h.jx[0;"til 3"]
"0 1 2"
q).h.jx[0;"\"<b>\""]
"\"&lt;b>\""
q)count .h.jx[0;"([]a:til 5)"]
7
q)\C 5 5000
q)\C
10 2000
q)-1 first .h.jx[10;`jt];
<a href="?[0">home</a> <a href="?[4">up</a> <a href="?[16">down</a> <a href="?[994">end</a> 1000[10]
q)\C 36 2000
q)/ .h.ht`doc (ref/doth.md): Marqdown src/doc.txt to doc.htm
q)`:src/hd.txt 0:("Notes";"-----";"Some <text>";".Part one";"\tx:1";" kept  as is";"key\t value")
`:src/hd.txt
q).h.ht`hd
`:hd.htm
q)h:"\n"vs"c"$read1`:hd.htm
q)h like "*<title>Notes</title>*"
10000000b
q)1_h
"<h2>Part one</h2>"
"<code>x:1</code><br>"
"<xmp> kept  as is"
"</xmp>"
"<table><tr><td>key</td><td>value</td></tr></table>"
"</body></html>"
""
q)first[h] like "*<h1>Notes</h1><hr><p>Some &lt;text></p>"
1b
q)@[.h.ht;`nodoc;{"err"}]
"err"
