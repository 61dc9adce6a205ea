/ functions on the wire (kb/serialization.md; PROTOCOL.md 4.8): a keyword with no opcode of
/ its own travels as q.k defines it -- mins is &\ (6c 6605), md5 the projection -15!, get .:,
/ cut a k lambda in context q -- and a lambda of context q whose text is a keyword's
/ definition or its name reads back as that keyword
q)e:{-8!x}
q)d:{-9!-8!x}
q)e[mins]
0x010000000b0000006c6605
q)e[sums]
0x010000000b0000006c6601
q)e[prev]
0x010000000b0000006d6600
q)e[md5]
0x010000001800000068020000006610f9f1ffffffffffffff
q)e[get]
0x010000000a0000006513
q)e[lsq]
0x010000000a0000006610
q)d[mins] 3 1 2 0
3 1 1 0
q)d[deltas] 1 2 4
1 1 2
q)d[md5] "a"
0x0cc175b9c0f1b6a831c399e269772661
q)d[get] `a`b!1 2
1 2
q)d[cut]
k){$[0h>@x;x*!-_-(#y)%x;x]_y}
q)d[cut][2;til 5]
0 1
2 3
,4
q)d[til] 3
0 1 2
q)d[xbar][5;3 7 12]
0 5 10
q)type d[cut]
102h
q)d[all]
all
q)d[all] 1 0b
0b
q)/ the lambda "til" of context q, as openq once sent it: the keyword
q)d:-9!0x01000000140000006471000a000300000074696c
q)d 3
0 1 2
q)d~til
1b
q)/ any other lambda of context q stays a lambda
q)f:-9!0x01000000140000006471000a00030000007b787d
q)f 5
5
q)/ a lambda of the root is not read as a keyword
q)type -9!0x010000001300000064000a000300000074696c
100h
