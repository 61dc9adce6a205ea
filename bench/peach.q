/ bench/threads.sh: peach of 4 items of work over the processes of .z.pd (-s -2) or each (-s 0)
f:{sum exp x?1.0}
if[0>system"s";.z.pd:`u#hopen each "J"$" "vs getenv`PEACH_PORTS]
-1"peach 4 x {sum exp 2000000?1.0}\t",string med{system"t f peach 4#2000000"}each til 5;
\\
