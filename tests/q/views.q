/ views: learn/views.md and basics/syscmds.md (\b \B)
q)/ views (learn/views.md, basics/syscmds.md \b \B): a view is pending until read, then its value
q)/ holds until a name it reads is stored; \b lists the views sorted, \B the pending ones
q)va::vx+1
q)vb::va*2
q)\b
`s#`va`vb
q)\B
`va`vb
q)vx:10
q)vb
22
q)\B
`symbol$()
q)vx:1
q)\B
`va`vb
q)va
2
q)\B
,`vb
q)vb
4
q)vy:5
q)\B
`symbol$()
q)/ `. is the root namespace; a view in it shows as its text and its value is (last result or
q)/ ::; parse tree; dependencies; text) (learn/views.md "How to see the definition of a view")
q)wb:1
q)wd::wb+wa
q)`. `wd
wb+wa
q)value`. `wd
::
(+;`wb;`wa)
`wb`wa
"wb+wa"
q)wb:1;wa:2
q)wd
3
q)value`. `wd
3
(+;`wb;`wa)
`wb`wa
"wb+wa"
q)/ a select's dependencies are its table only; a function called is named, its value cached
q)ws1::select from wt where a in wb
q)value`. `ws1
::
(?;`wt;,,(in;`a;`wb);0b;())
,`wt
"select from wt where a in wb"
q)wf::wg[]+1
q)wg:{42}
q)wf
43
q)value`. `wf
43
(+;(`wg;::);1)
,`wg
"wg[]+1"
q)/ the rest of the line after v:: is the view: its value the last expression, :: after a ;
q)wm::wb;wa;wb+wa
q)value`. `wm
::
(";";`wb;`wa;(+;`wb;`wa))
`wb`wa
"wb;wa;wb+wa"
q)wm
3
q)wn:: wb;
q)wn ~ (::)
1b
q)`wd in key `.
1b
q)/ .z.b: each name views read, with the views that read it (ref/dotz.md)
q)zb1::zx+zy
q)zb2::zx+1
q)`zx`zy#.z.b
zx| `zb1`zb2
zy| ,`zb1
