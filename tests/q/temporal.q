/ temporal arithmetic and comparison (basics/comparison.md "Temporal values", ref/add.md,
/ ref/floor.md, ref/ceiling.md): two temporal types compare in the type of the matrix
/ (timestamp with time: as times), unsupported pairs are 'type; datetime plus a time of day;
/ date plus a float is a datetime; floor and ceiling of a datetime are 'type since V3.0;
/ mod of a time of day keeps its type; d.f is the field `f$d (time.minute on a column).
q)20:00:00.000603286 within 13:30 20:00t
0b
q)2024.10.07D20:00:00.000603286 within 13:30 20:00t
1b
q)2024.10.07D12:00:00 within 13:30 20:00t
0b
q)09:29 < 2024.11.01D09:29:15
0b
q)2024.01m<2024.01.15
1b
q)2024.01m=2024.01.01
1b
q)2024.01.01<2024.01.01T12:00
1b
q)0D01:00 < 00:59
0b
q)2024.01.01D01:00 = 01:00
1b
q)2024.01m<12:00
'type
q)2024.01.01<12:00
'type
q)2000.11.22 + 03:44:55.666
2000.11.22D03:44:55.666000000
q)2000.11.22 - 03:44:55.666
2000.11.21D20:15:04.334000000
q)floor 2009.10.03T13:08:00.222
'type
q)"d"$2009.10.03T13:08:00.222
2009.10.03
q)ceiling 2010.05.13T12:30:59.999
'type
q)"d"$23:59:59.999+ 2010.05.13T12:30:59.999
2010.05.14
q)/ ref/subtract.md, Range and domains: a datetime and a timespan make a timestamp; a time
q)/ of day less precise than a timespan keeps the datetime
q)2010.05.13T12:30:59.999-0D12:00
2010.05.13D00:30:59.999000000
q)2010.05.13T12:30:59.999-12:00:00
2010.05.13T00:30:59.999
q)2024.01.01+1.5
2024.01.02T12:00:00.000
q)1.5+2024.01.01
2024.01.02T12:00:00.000
q)2024.01.01-0.5
2023.12.31T12:00:00.000
q)/ ref/mod.md, Domain and range: a time of day mod a time of day is 'type; mod a count keeps the type
q)12:00:00 mod 00:07:00
'type
q)12:00 mod 7
00:06
q)12:00:00.000 mod 60000
00:00:00.000
q)d:2010.05.13T12:30:59.999
q)d.date
2010.05.13
q)d.time
12:30:59.999
q)d.minute
12:30
q)d.second
12:30:59
q)d.year
2010i
q)t:([]time:09:30:00.000 10:15:30.500)
q)select time.minute from t
minute
------
09:30
10:15
q)exec time.second from t
09:30:00 10:15:30
q)select from t where time.minute=09:30
time
------------
09:30:00.000
q)signum (0n;0N;0Nt;0Nd;0Nz;0Nu;0Nv;0Nm;0Nh;0Nj;0Ne)
-1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1i
q)signum 1999.12.31
-1i
q)neg 2000.01.01 2012.01.01
2000.01.01 1988.01.01
q)not 2000.01.01 2020.06.30
10b
q)abs 1999.01.01
2000.12.31
q)12:00:00+1
12:00:01
q)5 xbar 11:00 + 0 2 3 5 7 11 13
11:00 11:00 11:00 11:05 11:05 11:10 11:10
q)`date$3+3 xbar `month$2019.11.19
2020.01.01
q)0D01:00:00 xbar 2014.05.09D12:34:56 2014.05.09D13:00:00
2014.05.09D12:00:00.000000000 2014.05.09D13:00:00.000000000
q)2014.10.13 div 365
2000.01.15
q)exp 00:00:00 00:00:12 12:00:00
1 162754.8 0w
q)sqrt 12:00:00.000000000
6572671f
q)/ a date before 0001.01.01 shows as 0000.00.00 (basics/datatypes.md)
q)0001.01.01-1
0000.00.00
q)"z"$0001.01.01-1
0000.00.00T00:00:00.000
q)0001.01.01+0 -1
0001.01.01 0000.00.00
q)/ a timestamp plus or minus a time of day (second, minute, time) is a timestamp (ref/add.md)
q)2020.01.01D00:00:00+00:00:01
2020.01.01D00:00:01.000000000
q)2020.01.01D00:00:00-00:01
2019.12.31D23:59:00.000000000
q)00:00:01.500+2020.01.01D00:00:00
2020.01.01D00:00:01.500000000
q)2020.01.01D00:00:00 2020.01.02D00:00:00+00:00:01 00:00:02
2020.01.01D00:00:01.000000000 2020.01.02D00:00:02.000000000
q)/ a datetime literal with more than 3 digits of a second keeps them as a fraction of a day
q)2002.05.08T12:13:17.444856160 1761.01.20T15:06:00.175740928
2002.05.08T12:13:17.445 1761.01.20T15:06:00.176
q)`float$2002.05.08T12:13:17.444856160
858.5092
q)/ basics/datatypes.md: the time after D may be hours alone (0D01, 2020.01.01D0), or nothing
q)0D01
0D01:00:00.000000000
q)2020.01.01D0
2020.01.01D00:00:00.000000000
q)2020.01.01D12 0Np
2020.01.01D12:00:00.000000000 0N
q)1D
1D00:00:00.000000000
q)/ basics/comparison.md: nulls are below every value and infinities at the ends, in every type
q)a:0N -0W -5 0 5 0W 3i
q)(a=3i;a<3i;a>3i;3i<a;a<reverse a)
0000001b
1111000b
0000110b
0000110b
1110000b
q)h:0N -0W -5 0 5 0W 3h
q)(h<0h;0h>h;h=reverse h)
1110000b
1110000b
0001000b
q)d:0N -0W 2000.01.01 2020.02.29 0W 1999.12.31d
q)(d<2000.01.01;d=d;2000.01.01>d)
110001b
111111b
110001b
q)(0N 00:01 23:59u>00:01;0N 00:00:00.001 23:59:59.999t<12:00:00.000;0x00ff7f80<0x80)
001b
110b
1010b
