/ error traces (q 4.x, KxSystems/docs basics/debug.md, ref/signal.md, DISPLAY.md section 11):
/ an error at the console shows [0] the input with a caret under the failing primitive; one
/ inside lambdas shows the frame where q's debugger breaks, the lambda's definition (name:{..},
/ name@ for one inside it, file:line: for a script) and a caret: the lambda that failed for a
/ primitive's error; for a signal ' the lambda that signalled and the one it breaks to, one
/ level up, or [0] the input when the signalling lambda was called from it (ref/signal.md
/ "Debugger break location")
q)til 5f
'type
  [0]  til 5f
       ^
q)f:{g[x;2#y]}
q)g:{a:x*2;a+y}
q)f[3;"hello"]
'type
  [2]  g:{a:x*2;a+y}
                 ^
q){x+2} "xyz"
'type
  [1]  {x+2}
         ^
q)f:{'`bad}
q)f[]
'bad
  [0]  f[]
       ^
q)g:{f[]}
q)g[]
'bad
  [2]  f:{'`bad}
          ^
  [1]  g:{f[]}
          ^
q)f:{{x*y}[x;3#x]}
q)f `a
'type
  [2]  f@:{x*y}
            ^
q)/ a trapped error leaves no trace behind
q)@[f;`a;{x}]
"type"
q)f:{[x]a:1;if[x<a;'`bad]}
q)g:{f[x]}
q)h:{g x}
q)h 0
'bad
  [3]  f:{[x]a:1;if[x<a;'`bad]}
                        ^
  [2]  g:{f[x]}
          ^
q)1+`a
'type
  [0]  1+`a
        ^
q)/ a lambda from a script: file:line: of the line shown
q)`:tr1.q 0: ("a:1";"myfun:{2+x}")
`:tr1.q
q)\l tr1.q
q)myfun"hi"
'type
  [1]  tr1.q:2: myfun:{2+x}
                        ^
q)`:tr2.q 0: ("h:{[x]";"  a:1;";"  x+`a}";"h 1")
`:tr2.q
q)\l tr2.q
'type
  [1]  tr2.q:3:   x+`a}
                   ^
q)/ a signal in a lambda a script's line calls breaks at that line
q)`:tr3.q 0: ("sg:{'`nope}";"sg 1")
`:tr3.q
q)\l tr3.q
'nope
  [0]  tr3.q:2: sg 1
                ^
q)/ an undefined name: the caret under the name (ref/apply.md, ref/assign.md)
q)undefinedname
'undefinedname
  [0]  undefinedname
       ^
q)1+undefinedname
'undefinedname
  [0]  1+undefinedname
         ^
q)f:{x+zz}
q)f 1
'zz
  [1]  f:{x+zz}
            ^
q)/ a query that fails gets the caret under its keyword (basics/function-notation.md: select
q)/ from a local never assigned; ref/flip-splayed.md)
q){if[x;t:([]`a`b)];select from t} 0b
'type
  [1]  {if[x;t:([]`a`b)];select from t}
                         ^
q)exec a from 1
'type
  [0]  exec a from 1
       ^
q)/ .Q.bt[] prints the running frames, innermost first, each with the caret under the
q)/ application it waits on, down to [0] the console input (basics/debug.md, Backtrace)
q)f:{{.Q.bt[];x*2}x+1}
q)f 4
  [2]  f@:{.Q.bt[];x*2}
           ^
  [1]  f:{{.Q.bt[];x*2}x+1}
          ^
  [0]  f 4
       ^
10
q).Q.bt[]
  [0]  .Q.bt[]
       ^
q)h:{[a] g a}
q)g:{.Q.bt[]; x+1}
q)1+h 2
  [2]  g:{.Q.bt[]; x+1}
          ^
  [1]  h:{[a] g a}
              ^
  [0]  1+h 2
         ^
4
q)/ a name assigned with :: and then with : in one lambda is q's compile-time "global used as
q)/ local" error, the caret at the local assignment (basics/debug.md); a parameter or a local
q)/ assigned first takes :: as a local assignment (basics/function-notation.md)
q){a::1;a:1}
'a
  [0]  {a::1;a:1}
             ^
q){[b]c::b;c:1}
'c
  [0]  {[b]c::b;c:1}
                ^
q){[a;b]b::99;a+b}[10;20]
109
q){b:x=y;b::99;x+b}[10;20]
109
q){x::1;x:2}
{x::1;x:2}
q)/ ' signals a symbol or a string; a number or a char is 'stype (ref/signal.md "Restrictions")
q)f:{@[{'x};x;{"trap:",x}]}
q)f`err
"trap:err"
q)f"abc"
"trap:abc"
q)f 1
"trap:stype"
q)f"a"
"trap:stype"
