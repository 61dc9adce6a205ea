/ 0: on text: delimited parsing (with and without a header) and formatting
q)("SJF";",") 0: ("a,1,2.5";"b,2,3.5")
a   b
1   2
2.5 3.5
q)("SJF";enlist ",") 0: ("s,j,f";"a,1,2.5";"b,2,3.5")
s j f
-------
a 1 2.5
b 2 3.5
q)"," 0: ([]a:1 2;b:`x`y)
"a,b"
"1,x"
"2,y"
q)("S J";",") 0: ("a,x,1";"b,y,2")
a b
1 2
