/ flags: -s 2
/ secondary threads: -s and \s (basics/syscmds.md#s-number-of-secondary-threads,
/ basics/cmdline.md#-s-secondary-threads)
q)\s
2i
q)system"s"
2i
q)\s 0N
2i
q)\s 1
q)\s
1i
q)\s 3
'limit
q)\s x
'type
q)\s 0
q)\s
0i
q)\s -2
q)\s
-2i
q)\s 2
