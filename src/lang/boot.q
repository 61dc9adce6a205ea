/ boot.q -- q run at start-up (lang_init, before doth.q): the keywords q itself defines in q,
/ kept in .q, and the .Q utilities written in q. Embedded in the binary at build time
/ (cmake/embed.cmake); comments are passed over as in any script.
/ the keywords q.k defines as k lambdas, defined in k so that they show as k){..}
k).q.each:{x'y}
k).q.over:{x/y}
k).q.scan:{x\y}
k).q.prior:{x':y}
k).q.peach:{x':y}
.Q.t:" bg xhijefcspmdznuvts"
.Q.n:"0123456789"
.Q.a:"abcdefghijklmnopqrstuvwxyz"
.Q.A:"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
.Q.nA:.Q.n,.Q.A
.Q.s1:{-3!x}
.Q.hp:{[f;x;y;z] f(x;y;z)}[.Q.hp] / url, mime type, body: the native body takes the three as one list
/ .Q.trp and .Q.trpd are native (eval.c): h gets the error text and the backtrace object,
/ frames (fn;(name;file;line;source);pos) innermost first; .Q.sbt shows one as the console does
.Q.sbt:{raze{[n;f] i:f 1;p:"  [",string[n],"]  ";h:$[count i 1;i[1],":",string[i 2],": ";""],$[count[i 3]&count i 0;i[0],":";""];p,h,$[count i 3;i 3;"(",i[0],")"],"\n",$[0>f 2;"\n";((count[p,h]+f 2)#" "),"^\n"]}'[reverse til count x;x]}
.q.csv:","
k).q.rand:{*1?x}
/ .Q.res: q's reserved words; .Q.ty: the type letter of a list (lower case for a vector,
/ upper case for a list of vectors of one type and for an atom, else blank)
.Q.res:`abs`acos`asin`atan`avg`bin`binr`cor`cos`cov`delete`dev`div`do`enlist`exec`exit`exp`from`getenv`hopen`if`in`insert`last`like`log`max`min`prd`select`setenv`sin`sqrt`ss`sum`tan`update`var`wavg`where`while`within`wsum`xexp
/ .Q.id: a name (or a table's columns, a dict's keys) made a valid q name: only .Q.an
/ chars, "a" when none is left or before a leading digit or _, "1" after a reserved word or
/ keyword; repeated column names numbered 1, 2, ... after the first
.Q.id:{[kw;x]f:{[kw;x]s:(string x) where (string x) in .Q.an;s:$[""~s;"a";s[0] in .Q.n,"_";"a",s;s];`$$[(`$s) in .Q.res,kw;s,"1";s]}[kw];u:{o:{sum(x#y)=y x}[;x]each til count x;`$(string x),'{$[x;string x;""]}each o};$[98h=type x;(u f each cols x) xcol x;99h=type x;(u f each key x)!value x;f x]}[`aj`aj0`ajf`ajf0`all`and`any`asc`asof`attr`avgs`ceiling`cols`count`cross`cut`deltas`desc`differ`distinct`each`ej`ema`eval`except`fby`fills`first`fkeys`flip`floor`get`group`gtime`hclose`hcount`hdel`hsym`iasc`idesc`ij`ijf`inter`inv`key`keys`lj`ljf`load`lower`lsq`ltime`ltrim`mavg`maxs`mcount`md5`mdev`med`meta`mins`mmax`mmin`mmu`mod`msum`neg`next`not`null`or`over`parse`peach`pj`prds`prev`prior`rank`ratios`raze`read0`read1`reciprocal`reval`reverse`rload`rotate`rsave`rtrim`save`scan`scov`sdev`set`show`signum`ssr`string`sublist`sums`sv`svar`system`tables`til`trim`type`uj`ujf`ungroup`union`upper`upsert`value`view`views`vs`wj`wj1`xasc`xbar`xcol`xcols`xdesc`xgroup`xkey`xlog`xprev`xrank]
.Q.an:.Q.a,.Q.A,"_",.Q.n
.Q.ty:{$[(t:type x)within 1 20h;.Q.t t;t within 20 76h;"s";t within -19 -1h;upper .Q.t neg t;t;" ";1<>count u:distinct type each x;" ";(first u)within 1 19h;upper .Q.t first u;" "]}
/ files: .Q.dd joins a path; .Q.en enumerates a table's symbol columns against `sym,
/ kept in the file dir/sym; dsave splays tables, enumerated, first column parted
.Q.dd:{` sv x,`$string y}
.Q.ens:{[d;t;s] f:.Q.dd[d;s]; s set $[()~key f;`symbol$();get f]; c:where {11h=type x} each t c0:cols t; if[count c; t:![t;();0b;c0[c]!{[s;x]((s?);x)}[s] each c0 c]; f set value s]; t}
.Q.en:{[d;t] .Q.ens[d;t;`sym]}
/ partitioned databases: .Q.pdn names a partition's directory (2024.01.31 2024.01 2024 42);
/ .Q.par locates partition p of table t, round robin over the segments of par.txt;
/ .Q.dpft saves table t as partition p, enumerated, sorted by f with `p# on it and f
/ first after the partition field
.Q.pdn:{$[-13h=type x;7#string x;string x]}
.Q.par:{[d;p;t] s:$[`par.txt in key d;`$":",/:read0 .Q.dd[d;`par.txt];enlist d]; ` sv (s (`long$p) mod count s),(`$.Q.pdn p),t}
.Q.dpfts:{[d;p;f;t;s] v:0!value t; if[not f in cols v;'f]; v:.Q.ens[d;f xasc v;s]; (` sv .Q.par[d;p;t],`) set @[f xcols v;f;`p#]; t}
.Q.dpft:{[d;p;f;t] .Q.dpfts[d;p;f;t;`sym]}
.Q.dpts:{[d;p;t;s] (` sv .Q.par[d;p;t],`) set .Q.ens[d;0!value t;s]; t}
.Q.dpt:{[d;p;t] .Q.dpts[d;p;t;`sym]}
.Q.hdpf:{[h;d;p;f] {[d;p;f;t] .Q.dpft[d;p;f;t]; t set 0#value t}[d;p;f] each tables`.; if[h:@[hopen;h;0]; h"\\l ."; hclose h]}
.q.dsave:{[d;t] {[d;t] .Q.dd[d;t,`] set @[.Q.en[d] value t;first cols value t;`p#]; t}[d] each t}
/ the command line: .Q.opt reads options (-name values...) into a dictionary of their
/ values (lists of strings) and keeps the arguments before the first one in .Q.x;
/ .Q.def overrides defaults with them, parsed to each default's type
.Q.x:()
.Q.opt:{[o] .Q.x::$[count i:where o like "-[^0-9]*";i[0]#o;o]; (`$1_'first each o)!1_'o:i _ o}
.Q.def:{[d;o] k:(key d) inter key o; d,k!{$[10h=abs t:type x;$[t<0;first first y;first y]; t<0;(upper .Q.t neg t)$first y;(upper .Q.t t)$y]}'[d k;o k]}
/ JSON, digests and base64 (json.c, codec.c; .j.j .j.jd .Q.s .Q.atob are bound in C)
.j.k:{-29!x}
.Q.sha1:{-33!x}
.Q.btoa:{-32!x}
.Q.b6:"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
.Q.x10:{.Q.b6(10#64)vs x}
.Q.j10:{64 sv .Q.b6?x}
.Q.x12:{.Q.nA(12#36)vs x}
.Q.j12:{36 sv .Q.nA?x}
/ .Q.f: y to x decimal places, sign kept (-0.00); .Q.fmt: right-aligned in x chars, x#"*"
/ when it does not fit
.Q.f:{[x;y]$[null y;"";(0w=abs y)|1e17<=abs[y]*10 xexp x;string y;[d:string"j"$abs[y]*10 xexp x;d:((0|1+x-count d)#"0"),d;((y<0)#"-"),(neg[x]_d),$[x>0;".",neg[x]#d;""]]]}
.Q.fmt:{[x;y;z]$[x<count s:.Q.f[y;z];x#"*";neg[x]$s]}
/ memory: \\w's figures by name; .Q.gc returns pooled memory to the OS
.Q.w:{`used`heap`peak`wmax`mmap`mphy`syms`symw!(system"w"),system"w 0"}
.Q.gc:{-20!0}
.Q.host:{-12!x}
.Q.addr:{-13!x}
/ .Q.fsn[f;file;n]: f of the complete lines of each chunk of about n bytes; the file's size
.Q.fsn:{[f;x;n]s:hcount x;o:0;while[o<s;b:`char$read1(x;o;n&s-o);k:$[(o+count b)<s;1+last where"\n"=b;count b];if[null k;k:count b];f -1_"\n" vs(k#b),$["\n"=last k#b;"";"\n"];o+:k];s}
.Q.fs:{.Q.fsn[x;y;131000]}
.Q.addmonths:{("d"$m+y)+x-"d"$m:"m"$x}
.Q.ts:{[x;y]w:first system"w";t:.z.p;r:.[x;y];((`long$(.z.p-t)%1000000),0|first[system"w"]-w;r)}
/ .Q.fc: f over \s pieces of y by peach (ref/dotq.md); tables: .Q.ff adds y's missing
/ columns as nulls; .Q.fu applies f to distinct items;
/ .Q.ft applies f to a keyed table's unkeyed form; .Q.fk a column's foreign-key table
.Q.qt:{$[98h=t:type x;1b;99h=t;98h=type key x;0b]}
.Q.ff:{[x;y]n:cols[y]except cols x;$[count n;x,'(count x)#0#n#0!y;x]}
.Q.fc:{[f;y]n:abs system"s";$[(n>1)&1<count y;raze f peach(n&count y;0N)#y;f y]}
.Q.fu:{[f;y]$[0>type y;f y;(f u)(u:distinct y)?y]}
.Q.ft:{[f;t]$[99h=type t;(cols key t)xkey f 0!t;f t]}
.Q.fk:{$[(type x)within 20 76h;key x;`]}
.Q.v:{$[-11h<>type x;x;":"=first string x;get x;value x]}
.Q.V:{$[.Q.qt x;flip 0!x;x]}
.Q.K:.z.k
.Q.k:.z.K
.Q.M:0W
/ ref/dotq.md dsftg: fixed-width records of s=(file;offset;length) (length <= 0: to the end less -length),
/ .Q.M&1000000 rows at a time, g applied, enumerated against dst and appended to the partition's table; gives its path
.Q.dsftg:{[d;s;f;t;g]p:`$(string .Q.par . d),"/";w:sum t 1;o:s 1;m:$[0<s 2;s 2;(s 2)+hcount[s 0]-o];n:.Q.M&1000000;while[0<i:n&m div w;p upsert .Q.en[d 0] g flip f!t 0:(s 0;o;i*w);o+:i*w;m-:i*w];p}
