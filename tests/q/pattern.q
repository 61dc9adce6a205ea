/ pattern matching (q 4.1), every case of KxSystems/docs docs/basics/pattern.md
/ Assignment: the left of ':' in parentheses is a pattern; the value of the match is the
/ whole assigned object, filters applied
q)(b;c):2 3
q)b
2
q)c
3
q)a:(b;:1+):1 2
q)a
1 3
q)b
1
q)/ Function parameters: patterns in the signature
q)f:{[(a;b);c]a+b+c}
q)f[1 2;3]
6
q)/ Pattern conditional :[v;p1;r1;p2;r2;..;rd]
q)a: :[1f;r:`f;"float";r:`i;"int";"other"]
q)a
"float"
q)r
1f
q)a: :[1i;r:`f;"float";r:`i;"int";"other"]
q)r
1i
q)a
"int"
q)a: :[1;r:`f;"float";r:`i;"int";"other"]
q)a
"other"
q):[`x;(a;b);1;2]
2
q)/ Null pattern: an unused parameter
q)f:{[x;]x}
q)f[3;4]
3
q)/ Constant value: matches or 'match, the caret at the ':'
q)(1):1
q)(`a):`a
q)(1):2
'match
  [0]  (1):2
          ^
q)(1 2):1 2
q)(1 2):1 3
'match
  [0]  (1 2):1 3
            ^
q)/ Name, and name with index
q)(a):1 3
q)a
1 3
q)a:1 2 3
q)(a[1]):4
q)a
1 4 3
q)/ List: the length must match; each item is matched in turn (the caret at the failing item)
q)(b;c):2 3 4
'length
q)(b;c;3):2 3 4
'match
  [0]  (b;c;3):2 3 4
            ^
q)(a;b):([]colA:1 2;colB:3 4)
q)a
colA| 1
colB| 3
q)b
colA| 2
colB| 4
q)(a;b;):1 2
'length
  [0]  (a;b;):1 2
       ^
q)(a;b;):1 2 3
q)/ a failed match binds nothing
q)x:0
q)(x;2):1 3
'match
q)x
0
q)/ Dictionary: values at the pattern's keys; extra keys are ignored
q)(1 2!(one;two)):1 2!"ab"
q)one
"a"
q)two
"b"
q)(1 2!(one;two)):1 2 3!"abc"
q)(1 2!(one;two)):1 3!"ac"
'match
  [0]  (1 2!(one;two)):1 3!"ac"
                 ^
q)([four:d]):`one`two`three`four`five!1 2 3 4 5
q)d
4
q)([one:;four:d]):`one`two`three`four`five!1 2 3 4 5
q)([six:;four:d]):`one`two`three`four`five!1 2 3 4 5
'match
  [0]  ([six:;four:d]):`one`two`three`four`five!1 2 3 4 5
            ^
q)/ Table
q)([]cc:e):([]aa:1 2;bb:3 4;cc:5 6)
q)e
5 6
q)([k1:f]cc:e):([k1:7 8]aa:1 2;bb:3 4;cc:5 6)
q)f
7 8
q)/ Operators ! and flip
q)(flip([a;b])):([]a:1 2;b:3 4)
q)a
1 2
q)b
3 4
q)(a!b):1 2!"ab"
q)a
1 2
q)b
"ab"
q)(a!):1 2!3 4
q)a
1 2
q)/ Type check p:`t: lower case an atom, upper case a list
q)(:`f):3f
q)(:`f):3e
'type
  [0]  (:`f):3e
        ^
q)((a;b):`F):3 4f
q)a
3f
q)b
4f
q)((a;b):`F):3 4e
'type
  [0]  ((a;b):`F):3 4e
             ^
q){[x:`s]x}`a
`a
q){[x:`s]x}1
'type
q)/ Filter function p:f
q)(a:3+):4
q)a
7
q)tempCheck:{$[x<0;'"too cold";x>40;'"too hot";x]}
q)c2f:{[x:tempCheck]32+1.8*x}
q)c2f -4.5
'too cold
q)c2f 42.8
'too hot
q)c2f 20
68f
q)/ patterns in a lambda bind locals
q)g:{(p;q):x;p-q}
q)g 10 3
7
q)p
'p
