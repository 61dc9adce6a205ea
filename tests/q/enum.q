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
