/ A subscriber for tests/server/test_tick.py: openq store.q :TPPORT HDBDIR -p PORT
/ takes the plant's schema, replays its log, then receives updates; at end of day writes
/ the date partition with .Q.hdpf
upd:insert
.st.tp:hopen `$":",first .z.x
.st.hdb:.z.x 1
/ the schema and where the log stands, in one round trip
r:.st.tp"(.fp.sub[`trade;`];.fp.L;.fp.n)"
.[;();:;].  r 0
.st.replayed:-11!(r 2;r 1)
.fp.eod:{[d] .Q.hdpf[`::0;hsym`$.st.hdb;d;`sym]; @[`.;`trade;@[;`sym;`g#]]; .st.days+:1}
.st.days:0
