/ Read-only mode through reval (docs/compat.md, "Read-only mode"): every route that would
/ change a global, a .z hook, a setting, a file, the process or the OS is 'noupdate, reads
/ still work, and the state afterwards is what it was before.
q)v:1;w:1 2 3;t:([]a:1 2 3);kt:([k:1 2]b:3 4);.z.pw:{[u;p]0b};.z.pg:{value x};.z.ps:{value x};f:{x+1}
q)before:0
q)state:{(v;w;t;kt;.z.pw;.z.pg;.z.ps;f;system"d";system"t";system"P";system"z";system"c";key`:.;key`.)}
q)before:state[]
q)reval ".[`.z.pw;();:;{[u;p]1b}]"
'noupdate
q)reval ".[`.z.pg;();:;{system x}]"
'noupdate
q)reval "@[`.z;`pg;:;{x}]"
'noupdate
q)reval ".z.pg:{x}"
'noupdate
q)reval ".z.po:{x}"
'noupdate
q)reval ".z.pc:{x}"
'noupdate
q)reval ".z.ts:{x}"
'noupdate
q)reval "`.z.ps set {x}"
'noupdate
q)reval "{.z.pg::{x}}[]"
'noupdate
q)reval "value \".z.pg:{x}\""
'noupdate
q)reval "eval parse \".z.pw:{[u;p]1b}\""
'noupdate
q)reval (set;`.z.pw;{[u;p]1b})
'noupdate
q)reval "delete pg from `.z"
'noupdate
q)reval ".[`v;();:;2]"
'noupdate
q)reval "@[`w;0;:;9]"
'noupdate
q)reval "@[`t;`a;:;0 0 0]"
'noupdate
q)reval "`t upsert ([]a:enlist 4)"
'noupdate
q)reval "`t insert ([]a:enlist 4)"
'noupdate
q)reval "`kt upsert ([k:enlist 1]b:enlist 9)"
'noupdate
q)reval "`new insert ([]a:1 2)"
'noupdate
q)reval "update a:0 from `t"
'noupdate
q)reval "delete from `t"
'noupdate
q)reval "delete v from `."
'noupdate
q)reval "`v set 2"
'noupdate
q)reval "v:2"
'noupdate
q)reval "v+:1"
'noupdate
q)reval "w[0]:9"
'noupdate
q)reval "w,:4"
'noupdate
q)reval "f:{x}"
'noupdate
q)reval "v::v+1"
'noupdate
q)reval "{v::2}[]"
'noupdate
q)reval "{a::1;a+x}[1]"
'noupdate
q)reval "{w[1]::9}[]"
'noupdate
q)reval "value \"v:2\""
'noupdate
q)reval "eval(:;`v;2)"
'noupdate
q)reval "eval parse \"w[0]:9\""
'noupdate
q)reval "`sym?`newsym"
'noupdate
q)reval "`.x.y set 1"
'noupdate
q)reval "\\l /nonexistent/db"
'/nonexistent/db
q)reval "system \"touch x\""
'noupdate
q)reval "value \"\\\\touch x\""
'noupdate
q)reval "\\touch x"
'noupdate
q)reval "system \"cd /\""
'noupdate
q)reval "system \"echo hi > x\""
'noupdate
q)reval "`OPENQ_NO_SHELL setenv \"\""
'noupdate
q)reval "exit 0"
'noupdate
q)reval "`:x set 1"
'noupdate
q)reval "`:x 0: enlist \"a\""
'noupdate
q)reval "`:x 1: 0x00"
'noupdate
q)reval "hopen `:x"
'noupdate
q)reval "save `t"
'noupdate
q)reval "`:xd/ set t"
'noupdate
q)reval "system \"d .x\""
'noupdate
q)reval "\\d .x"
'noupdate
q)reval "system \"t 50\""
'noupdate
q)reval "system \"P 3\""
'noupdate
q)reval "system \"z 1\""
'noupdate
q)reval "system \"c 10 10\""
'noupdate
q)reval "system \"S 5\""
'noupdate
q)reval "system \"e 1\""
'noupdate
q)reval "system \"T 1\""
'noupdate
q)reval "system \"W 1\""
'noupdate
q)reval "system \"g 1\""
'noupdate
q)reval "system \"p 0\""
'noupdate
q)reval "system \"d\""
`.
q)reval "system \"P\""
7i
q)reval "\\z"
0
q)reval "system \"t\""
0i
q)reval "{a:1;a+x}[1]"
2
q)reval "{[x]x+:1;x}[1]"
2
q)reval "{l:w;l[0]:9;l}[]"
9 2 3
q)reval "update a:0 from t"
a
-
0
0
0
q)reval "select from t where a>1"
a
-
2
3
q)reval "exec sum a from t"
6
q)reval "@[w;0;:;9]"
9 2 3
q)reval ".[w;();,;4]"
1 2 3 4
q)reval "t upsert ([]a:enlist 4)"
a
-
1
2
3
4
q)reval "\\t 1+1"
0
q)reval "value \"1+1\""
2
q)reval "f 1"
2
q)before~state[]
1b
q)v
1
q)w
1 2 3
q)key `:.
`symbol$()
q)reval "reval \"v:2\""
'noupdate
q)reval "1+reval \"1+1\""
3
q)lh:hopen `:ro.log
q)reval "hclose lh"
'noupdate
q)reval "lh \"x\""
'noupdate
q)hclose lh
q)read1 `:ro.log
`byte$()
q)v:5
q)v
5
q)/ .z.r: whether an update here would be blocked (ref/dotz.md)
q).z.r
0b
q)reval(`.z.r)
1b
q)t2:([]a:`x`y;b:1 2);kt2:([a:`x]c:5)
q)reval "`t2 lj kt2"
'noupdate
q)cols t2
`a`b
q)tr3:([]sym:`a`b;time:10:00 10:05);qu3:([]sym:`a`b;time:09:00 09:00;bid:1 2)
q)reval "aj[`sym`time;`tr3;qu3]"
'noupdate
q)cols tr3
`sym`time
