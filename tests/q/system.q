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
