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
/ with (text;headers)): "" or "?" lists the variables, "?expr" shows .h.val expr as HTML,
/ "name.ext?expr" answers .h.tx[ext] of it with ext's content type, any other path is a file
/ under .h.HOME (404 when there is none)
.h.zpq:{[e].h.hp .h.hc each"\n"vs -1_.Q.s .h.val e}
.h.zpx:{[p;e]t:`$(1+last where"."=p)_p;$[t in key .h.tx;.h.hy[t]"\n"sv .h.tx[t] .h.val e;.h.zpq e]}
.h.zpf:{[p]d:$[(p like"*..*")|"/"=first p;0#0x00;@[read1;hsym`$.h.HOME,"/",p;0#0x00]];$[count d;.h.hy[`$(1+last where"."=p)_p;d];.h.hn["404 Not Found";`txt;p,": not found"]]}
.h.zph:{[x]r:.h.uh x 0;$[(0=count r)|r~enlist"?";.h.hp{.h.ha["?",x;x]}each string system"v";"?"=first r;@[.h.zpq;1_r;.h.he];"?"in r;@[{.h.zpx[x 0;1_x 1]};(0,r?"?")_r;.h.he];.h.zpf r]}
