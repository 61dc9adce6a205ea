/ system commands and the environment (basics/syscmds.md, ref/system.md, ref/getenv.md,
/ ref/view.md): \a and \c, \z, \P, getenv/setenv; t is the one table this session has
q)t:([]a:2 3 5 7;b:4 3 0 2)
q)getenv `UNKNOWN
""
q)`RTMP setenv "/home/user/temp"
q)getenv `RTMP
"/home/user/temp"
q)system "P"
7i
q)\a
,`t
q)system "a"
,`t
q)count system "a"
1
q)views[]
`symbol$()
q)\c
25 80
q)\c 10 10
q)til 20
0 1 2 3..
q)\c 25 80
q)\z 1
q)"D"$"06/01/2010"
2010.01.06
q)\z 0
q)va::vx+vy
q)vb::vx+1
q)\b
`s#`va`vb
q)\b .
`s#`va`vb
q)\b .nothere
`symbol$()
q).z.exit:{0N!x}
q)\x .z.exit
q).z.exit
'.z.exit
q)xgone:1
q)\x xgone
q)xgone
'xgone
q)`:ren1.txt 0: enlist "abc"
`:ren1.txt
q)\r ren1.txt ren2.txt
q)read0 `:ren2.txt
"abc"
q)hdel `:ren2.txt
`:ren2.txt
q)\r ren1.txt ren3.txt
'os: No such file or directory
q)\u
q)\B
`va`vb
q)vx:1;vy:2
q)va
3
q)\B
,`vb
q)/ \cd makes a missing directory, with every directory above it (basics/syscmds.md#cd)
q)d0:system"cd"
q)\cd newdir/inner
q)(count d0)_system"cd"
"/newdir/inner"
q)system"cd ",d0
q)key `:newdir
,`inner
q)/ basics/syscmds.md \t:n e runs e n times; n may be a name or expression whose value is an integer
q)k:0;n:7
q)type system"t:n k+:1"
-7h
q)k
7
q)r:system"t:3 k+:1";k
10
q)r:system"t:n*2 k+:1";k
24
q)system"t:2.5 k+:1"
'type
