/ the depth rule (docs/compat.md, Limits): nesting past the C stack answers 'stack, the
/ session goes on, and freeing any depth is safe (the leak check frees it all at exit)
q)count value (3723#"{"),3723#"}"
'stack
q)count value (3845#"("),"1",3845#")"
'stack
q)count value ((2*439440)#"1+"),"1"
'stack
q)count value (100000#"["),100000#"]"
'stack
q)count value "{",(100000#"("),"1",(100000#")"),"}"
'stack
q)count parse (100000#"("),"1",100000#")"
'stack
q)1+1
2
q)count {enlist x}/[261718;1]
1
q)d:{enlist x}/[1000000;1]
q)/ shown as a matrix of one cell (DISPLAY.md 4), walked down to its innermost item
q)d
1
q)/ other deep matrices descend a row a level: past the stack, 'stack
q)r:@[{.Q.s x};{(x;1 2)}/[100000;1];{x}]; (r~"stack")|10h=type r
1b
q)r:@[{count string x};{enlist x}/[75194;1];{x}]; (r~1)|r~"stack"
1b
q)count string d
'stack
q)r:@[{count -3!x};d;{x}]; (r~1000001)|r~"stack"
1b
q)count -3!{(1;x)}/[1000000;1]
'stack
q)-8!d
'limit
q)count -9!-8!{enlist x}/[1000;1]
1
q)d~d
1b
q)d~{enlist x}/[1000000;2]
0b
q)d~{enlist x}/[999999;1]
0b
q)d=d
'stack
q)1+d
'stack
q)neg d
'stack
q)not d
'stack
q)"j"$d
'stack
q)`$d
'stack
q)count asc d
1
q)count d?d
1
q)first d in d
1b
q)e:{(enlist 1)!x}/[1000000;enlist 1]
q)count first e
'stack
q)count e
1
q)count 1#e
'stack
q)count reverse e
'stack
q)count sums e
'stack
q)e~e
1b
q)"a" like 100000#"*"
1b
q)/ a pattern with many * is one q's like refuses (basics/regex.md), not a long search
q)(1000#"a") like (100#"*a"),"b"
'nyi
q)f:{f x};f 0
'stack
q)g:{g x+1}; @[g;0;{x}]
"stack"
q)d:e:0
q)1+1
2
