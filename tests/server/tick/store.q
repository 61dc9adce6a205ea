/ A subscriber for tests/server/test_tick.py: openq store.q :TPPORT HDBDIR [HDBPORT] -p PORT
/ takes the plant's schema, replays its log, then receives updates; at end of day writes
/ the date partition with .Q.hdpf, which tells the HDB on HDBPORT (when given) to reload
upd:insert
.st.tp:hopen `$":",first .z.x
.st.hdb:.z.x 1
.st.hp:$[2<count .z.x;`$"::",.z.x 2;`::0]
/ the schema and where the log stands, in one round trip
r:.st.tp"(.fp.sub[`trade;`];.fp.L;.fp.n)"
.[;();:;].  r 0
.st.replayed:-11!(r 2;r 1)
.fp.eod:{[d] .Q.hdpf[.st.hp;hsym`$.st.hdb;d;`sym]; @[`.;`trade;@[;`sym;`g#]]; .st.days+:1}
.st.days:0
