/ .Q.trp and .Q.trpd (ref/dotq.md#trp, basics/debug.md "Trap"): the handler gets the error
/ text and the backtrace object, innermost frame first, each (fn;(name;file;line;source);pos);
/ .Q.sbt shows it as the console shows an error's frames
q)f:{`hello+x}
q).Q.trp[f;2;{1"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
error: type
backtrace:
  [2]  f:{`hello+x}
                ^
  [1]  (.Q.trp)

  [0]  .Q.trp[f;2;{1"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
       ^
-1
q).Q.trpd[{x+y};(1;2);{1"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
3
q).Q.trpd[{x+y};(1;`2);{1"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
error: type
backtrace:
  [2]  {x+y}
         ^
  [1]  (.Q.trpd)

  [0]  .Q.trpd[{x+y};(1;`2);{1"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
       ^
-1
q)bt:.Q.trp[f;2;{y}]
q)count bt
3
q)bt[0;1]
,"f"
""
-1
"{`hello+x}"
q)bt[0;2]
7
q)bt[0;0]~f
1b
q)/ a keyword q.k defines as a k lambda (til) has its frame: the caller is frame 1
q)bt:.Q.trp[{til x};"asd";{y}]
q)bt[;1;3]
"k){$[0>@x;!x;'`type]}"
"{til x}"
""
"bt:.Q.trp[{til x};\"asd\";{y}]"
q)bt[0;1;0]
"til"
q)/ PyKX's debug wrapper (its client's debug=True) reads the failing lambda's source there
q)w:{[pykxquery] .Q.trp[{[x] (0b; value x)}; pykxquery;{(1b;"backtrace:\n",.Q.sbt y;x)}]}
q)w "1+1"
0b
2
q)r:w ({[x;y] .[mavg;(x;til y)]};3;"asd")
q)r 0
1b
q)r 2
"type"
q)/ the console's error trace is unchanged: a lambda's frames only
q){til x}"a"
'type
  [1]  {til x}
        ^
q)/ not an error: f's value
q).Q.trp[{x+1};1;{y}]
2
