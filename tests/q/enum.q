/ enumerations: `dom$syms, display, value, comparison, table cells
q)ee:`a`b`c
q)vv:`ee$`a`a`b
q)vv
`ee$`a`a`b
q)value vv
`a`a`b
q)vv=`a
110b
q)first vv
`ee$`a
q)`ee$`z
'cast
q)t:([]s:`ee$`a`b;v:1 2)
q)t
s v
---
a 1
b 2
q)sym:`a`b
q)e:`sym$`b
q)3#e
`sym$`b`b`b
q)(type enlist e)=neg type e
1b
q)3#0#e
`sym$```
q)-9!-8!`sym$`b`a
`b`a
q)-9!-8!(e;1)
`b
1
q)`:esym?`x`y`x
`esym$`x`y`x
q)(esym;get `:esym)
x y
x y
q)`:esym?`z
`esym$`z
q)get `:esym
`x`y`z
