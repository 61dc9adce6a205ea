/ internal functions n!x (basics/internal.md): one case per documented form
/ -4!x tokens: every token a string, blanks kept as tokens, names with underscores whole
/ -5! is parse, -6! eval, -7! hcount, -15! md5, -24! reval
/ -10!x: 1b while enumeration type x has no domain, 0b once one takes it
/ -12!/-13! (.Q.host/.Q.addr): dotted decimal converts without a look-up
/ -14!x: quote escape for CSV: quoted, inner quotes doubled, when it needs it
/ -22!x is count -8!x
/ -23!x: memory map hint, x back
/ -25!(handles;msg): every handle checked before anything is sent
/ -27!(x;y): y to x decimal places, IEEE754 rounding, atomic, \P ignored
/ -120!x: the memory domain, 0 for ordinary objects
q)-4!"select this from that"
"select"
," "
"this"
," "
"from"
," "
"that"
q)-4!"a variable named aa_bb"
,"a"
," "
"variable"
," "
"named"
," "
"aa_bb"
q)-4!"x:1 2 3;f[`a`b]"
,"x"
,":"
"1 2 3"
,";"
,"f"
,"["
"`a`b"
,"]"
q)(-5!"1+2")~parse "1+2"
1b
q)-6!(+;1;2)
3
q)-15!"abc"
0x900150983cd24fb0d6963f7d28e17f72
q)-24!(+;1;2)
3
q)-10!20h
1b
q)ee:`a`b`c
q)vv:`ee$`a`a`b
q)type vv
20h
q)-10!20h
0b
q)-10!21h
1b
q).Q.addr`$"127.0.0.1"
2130706433i
q)-13!`$"10.0.0.1"
167772161i
q).Q.host 2130706433i
`localhost
q)-13!1
'type
q)-14!"plain"
"plain"
q)-14!"a\"b"
"\"a\"\"b\""
q)-14!"a,b"
"\"a,b\""
q)(-22!til 100)=count -8!til 100
1b
q)-22!`abc
13
q)-23!1 2 3
1 2 3
q)-25!(7 8;0Ng)
'7 is not an ipc handle
q)-27!(3i;0 1+123456789.4567)
"123456789.457"
"123456790.457"
q)-27!(2i;.045)
"0.04"
q)-27!(0i;2.5)
,"2"
q)-27!(2i;(1.5;2 3f))
"1.50"
("2.00";"3.00")
q)-27!(`a;1f)
'type
q)-27!(2i;1)
'type
q)-120!1 2 3
0
q)/ -9! of long symbol vectors (basics/internal.md -9!x): short names repeat, long and empty ones, names that share a prefix
q)v:raze 50#enlist(`a;`ab;`abcdefgh;`abcdefghi;`;`$"x y";`a1;`abcdefgh2;`$"\303\251t\303\251")
q)v~-9!-8!v
1b
q)count distinct -9!-8!v
9
q)/ a glyph with no opcode (>= <=) goes as its text in context q and comes back a primitive
q)(-9!-8!(>=))[2;1]
1b
q)(-9!-8!(<=))[2;1]
0b
q)(-9!-8!v)?`abcdefghi
3
q)w:`$string til 1000
q)w~-9!-8!w
1b
q)(-9!-8!`p#asc 100#`b`a)~`p#asc 100#`b`a
1b
q)attr -9!-8!`g#100#`x`y
`g
