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
