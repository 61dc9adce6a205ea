/ console display rules (../shared/conformance/DISPLAY.md; KxSystems/docs basics/datatypes.md,
/ basics/implicit-iteration.md)
q)/ a short has no infinity on display (basics/datatypes.md): 0Wh prints 32767h
q)0Wh
32767h
q)-0Wh
-32767h
q)0W 1 0Nh
32767 1 0Nh
q)/ the other typed infinities keep their form
q)0Wi
0Wi
q)-0Wi
-0Wi
q)0W
0W
q)0w
0w
q)0We
0we
q)0Wd
0Wd
q)/ a list of equally long lists prints as a matrix; a boolean row beside a general one
q)/ has its items as cells (basics/implicit-iteration.md)
q)(2 3 4;(5; 6 7;8)) within 3 6
0  1   1
1b 10b 0b
q)(101b;010b)
101b
010b
