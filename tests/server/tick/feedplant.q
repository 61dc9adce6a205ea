/ A tickerplant-shaped server for tests/server/test_tick.py (written for openq's tests):
/ openq feedplant.q LOGDIR -p PORT -t MS
/ logs every update to LOGDIR/log<date> through a file handle, publishes to subscribers on
/ their neg handles, forgets them in .z.pc, and counts timer ticks in .z.ts.
trade:([]time:`timespan$();sym:`g#`symbol$();price:`float$();size:`long$())

\d .fp
subs:()!()                       / handle -> symbols wanted (` for all)
ticks:0
day:.z.D
dir:first .z.x
logname:{`$":",dir,"/log",string x}
/ open (making it when absent) the day's log: count its valid messages first
openlog:{[d]
  L::logname d;

  if[not type key L; .[L;();:;()]];
  n::-11!(-2;L);
  / a torn tail is reported, as kdb+ does, with the length that is whole
  if[0<=type n; '"badtail at ",string last n];
  hopen L}
h:openlog day
sub:{[t;s] subs[.z.w]:s; (t;@[0#value t;`sym;`g#])}  / 0# drops g#: give it back
publish:{[t;x]
  {[t;x;w;s] r:$[s~`;x;select from x where sym in s]; if[count r; neg[w](`upd;t;r)]}[t;x]'[key subs;value subs]}
upd:{[t;x]
  x:$[-16=type first first x; x; (enlist(count first x)#"n"$.z.P),x];
  r:flip (cols value t)!x;
  publish[t;r];
  h enlist (`upd;t;x);
  n+:1}
roll:{ (neg each key subs)@\:(`.fp.eod;day); day+:1; hclose h; h::openlog day; }
\d .
.z.pc:{.fp.subs:.fp.subs _ x}
.z.ts:{.fp.ticks+:1}
