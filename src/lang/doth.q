/ doth.q -- the .h namespace (ref/doth.md): markup, HTTP responses, URI escapes and data
/ as CSV, TSV, XML and Excel XML, written in q and run at start-up after boot.q. Embedded at build time (cmake/embed.cmake).
/ markup
.h.br:"<br>"
.h.c0:`024C7E
.h.c1:`958600
.h.d:" "
.h.HOME:"html"
.h.logo:"<a href=\"https://kx.com\">kx</a>"
.h.sa:"a{text-decoration:none}a:link{color:024C7E}a:visited{color:024C7E}a:active{color:958600}"
.h.sb:"body{font:10pt verdana;text-align:justify}"
.h.sc:"$-.+!*'(),",.Q.an
.h.val:value
.h.hc:{ssr[x;"<";"&lt;"]}
/ & < > \" ' as entities
.h.xs:{raze{$[5=i:"&<>\"'"?x;enlist x;("&amp;";"&lt;";"&gt;";"&quot;";"&apos;")i]}each x}
.h.hr:{(count x)#"-"}
.h.nbr:{"<nobr>",x,"</nobr>"}
.h.pre:{"<pre>",(raze x,\:"\n"),"</pre>"}
.h.xmp:{"<xmp>",(raze x,\:"\n"),"</xmp>"}
.h.text:{raze{"<p>",x,"</p>\n"}each x}
.h.htc:{"<",s,">",y,"</",(s:string x),">"}
.h.hta:{"<",(string x),(raze{" ",(string x),"=\"",y,"\""}'[key y;value y]),">"}
.h.htac:{.h.hta[x;y],z,"</",(string x),">"}
/ an href given as a symbol is written bare, a string in quotes
.h.hq:{$[10h=abs type x;"\"",x,"\"";string x]}
.h.ha:{"<a href=",.h.hq[x],">",y,"</a>"}
.h.hb:{"<a target=v href=",.h.hq[x],">",y,"</a>"}
/ segments after odd tabs are code
.h.code:{s:"\t" vs x;" " sv{$[y;"<code><nobr>",x,"</nobr></code>";x]}'[s;(count s)#01b]}
.h.http:{" " sv{$[x like "http://*";"<a href=\"",x,"\">",x,"</a>";x]}each " " vs x}
.h.html:{"<html><head><style>",.h.sa,.h.sb,"</style></head><body>",x,"</body></html>"}
.h.fram:{[t;s;f]"<html><head><title>",t,"</title><frameset cols=\"",(string 26+10*max count each s),",*\"><frame src=\"",f[0],"\"><frame name=v src=\"",f[1],"\"></frameset></head></html>"}
/ HTTP
.h.ty:`htm`html`csv`txt`xml`xls`gif`jpg`jpeg`png`svg`ico`css`js`json`pdf`zip`wasm`mp4`raw!("text/html";"text/html";"text/comma-separated-values";"text/plain";"text/plain";"application/msexcel";"image/gif";"image/jpeg";"image/jpeg";"image/png";"image/svg+xml";"image/x-icon";"text/css";"application/javascript";"application/json";"application/pdf";"application/zip";"application/wasm";"video/mp4";"application/octet-stream")
.h.hn:{[x;y;z]z:`char$z;"HTTP/1.1 ",x,"\r\nContent-Type: ",$[y in key .h.ty;.h.ty y;"application/octet-stream"],"\r\nConnection: close\r\nContent-Length: ",(string count z),"\r\n\r\n",z}
.h.hy:{.h.hn["200 OK";x;y]}
.h.he:{.h.hn["400 Bad Request";`txt;"'",.h.hc x]}
.h.hp:{.h.hy[`htm;"<html><head><style>",.h.sb,"</style></head><body>",(.h.pre x),"</body></html>"]}
.h.ka:{$[x>0;"keep-alive";"close"]}
/ URIs: .h.hug c maps each char outside c to %xx
.h.hug:{[c]{[c;x]raze{$[x in y;enlist x;"%",raze string`byte$x]}[;c]each x}[c]}
.h.hu:.h.hug .h.sc
.h.uh:{p:"%" vs x;(first p),raze{$[2>count x;"%",x;(`char$16 sv "0123456789abcdef"?lower 2#x),2_x]}each 1_p}
.h.iso8601:{s:string`timestamp$x;s[4 7]:"--";s[10]:"T";s}
/ data: a column's items as strings, nested items joined with .h.d
.h.cs:{$[10h=type x;enlist each x;0h=type x;{$[10h=abs type x;(),x;.h.d sv string x]}each x;string x]}
.h.dl:{[c;x]$[.Q.qt x;(enlist c sv string cols t),c sv/:flip .h.cs each value flip t:0!x;c sv/:flip .h.cs each x]}
.h.cd:.h.dl[","]
.h.td:.h.dl["\t"]
.h.xd:{t:0!x;c:string cols t;(enlist"<R>"),({"<r>",(raze x),"</r>"}each flip{{"<",x,">",(.h.xs y),"</",x,">"}[x]each y}'[c;.h.cs each value flip t]),enlist"</R>"}
.h.ex:{[n;t]t:0!t;ty:{$[(type x)within 1 9h;"Number";"String"]}each value flip t;r:{"<Row>",(raze{"<Cell><Data ss:Type=\"",x,"\">",(.h.xs y),"</Data></Cell>"}'[x;y]),"</Row>"};(enlist"<Worksheet ss:Name=\"",(string n),"\"><Table>"),(enlist r[(count ty)#enlist"String";string cols t]),(r[ty]each flip .h.cs each value flip t),enlist"</Table></Worksheet>"}
.h.edsn:{(enlist"<?xml version=\"1.0\"?><?mso-application progid=\"Excel.Sheet\"?>"),(enlist"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\" xmlns:html=\"http://www.w3.org/TR/REC-html40\">"),(raze .h.ex'[key x;value x]),enlist"</Workbook>"}
.h.ed:{.h.edsn enlist[`Sheet1]!enlist x}
.h.tx:`raw`json`csv`txt`xml`xls!({enlist x};{.j.j each $[.Q.qt x;0!x;x]};.h.cd;.h.td;.h.xd;.h.ed)
.h.xt:{[x;y]$[x~`json;.j.k each y;'`type]}
/ the query page: what an HTTP GET gets when .z.ph is not set (src/net/http.c calls .h.zph
/ with (text;headers)): "" or "?" lists the variables, "?expr" shows .h.jx[0;expr] as HTML
/ (a long table in pages of \C rows: "?[n" shows the last expression, .h.R, from row n),
/ "name.ext?expr" answers .h.tx[ext] of it with ext's content type, any other path is a file
/ under .h.HOME (404 when there is none)
.h.zpq:{[e]r:.h.jx[0;e];@[{.h.R::x};e;::];.h.hp r}
.h.zpj:{[r].h.hp .h.jx["J"$2_r;.h.R]}
.h.zpx:{[p;e]t:`$(1+last where"."=p)_p;$[t in key .h.tx;.h.hy[t]"\n"sv .h.tx[t] .h.val e;.h.zpq e]}
.h.zpf:{[p]d:$[(p like"*..*")|"/"=first p;0#0x00;@[read1;hsym`$.h.HOME,"/",p;0#0x00]];$[count d;.h.hy[`$(1+last where"."=p)_p;d];.h.hn["404 Not Found";`txt;p,": not found"]]}
.h.zph:{[x]r:.h.uh x 0;$[(0=count r)|r~enlist"?";.h.hp{.h.ha["?",x;x]}each string system"v";"?["~2#r;@[.h.zpj;r;.h.he];"?"=first r;@[.h.zpq;1_r;.h.he];"?"in r;@[{.h.zpx[x 0;1_x 1]};(0,r?"?")_r;.h.he];.h.zpf r]}
/ .h.jx[j;x] (ref/doth.md): the console text of x (the name of a table, or an expression)
/ from row j, each line HTML-escaped, at the HTTP size (\C).  A table longer than a page
/ (\C's rows less 4) comes after a line of home/up/down/end links ("?[row") and count[j].
.h.jx:{[j;x]t:.h.val x;N:first[system"C"]-4;n:count t;
 l:.h.ha'["?[",/:string(0;0|j-N;(n-N)&j+N;n-N);string`home`up`down`end];
 nav:$[.Q.qt[t]&N<n;(" "sv l,enlist string[n],"[",string[j],"]";"");()];
 nav,.h.hc each"\n"vs -1_.Q.S[system"C";j;t]}
/ .h.ht`doc (ref/doth.md): Marqdown src/doc.txt to doc.htm.  A first line that is no heading
/ is the title; "." starts a section heading, "\t" a code line, " " preformatted text (xmp),
/ a line of "-" under the first line a rule; "a\t b" lines are two-column rows; other lines
/ are paragraphs.  Returns the file written.
.h.htl:{[x]i:ss[x;"\t "];$[not count x;"";"."=first x;"<h2>",(.h.hc 1_x),"</h2>";"\t"=first x;"<code>",(.h.hc 1_x),"</code><br>";
 " "=first x;.h.xmp enlist x;count i;"<table><tr><td>",(.h.hc first[i]#x),"</td><td>",(.h.hc(2+first i)_x),"</td></tr></table>";"<p>",(.h.hc x),"</p>"]}
.h.ht:{[x]l:read0 hsym`$"src/",string[x],".txt";T:$[count[l]&not"."=first first l;first l;string x];
 if[not"."=first first l;l:1_l];if[count[l]&"-"=first first l;l:1_l];
 b:"<html><head><title>",(.h.hc T),"</title><style>",.h.sb,"</style></head><body><h1>",(.h.hc T),"</h1>",$[count l;"<hr>";""],("\n"sv .h.htl each l),"\n</body></html>\n";
 (f:hsym`$string[x],".htm")1:"x"$b;f}
