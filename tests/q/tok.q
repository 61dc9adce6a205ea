/ Tok of temporal and address text (ref/tok.md): every date form, times from digits,
/ unix-second timestamps, IPv4 addresses; namespaces amended as dictionaries
q)"D"$"2000-12-12"
2000.12.12
q)"T"$"123456789"
12:34:56.789
q)"P"$"2015-10-28D03:55:58.6542"
2015.10.28D03:55:58.654200000
q)"P"$"10129708800"
2290.12.31D00:00:00.000000000
q)"P"$"00000000000.123456789"
1970.01.01D00:00:00.123456789
q)"PZ"$\:"20191122-11:11:11.123"
2019.11.22D11:11:11.123000000
2019.11.22T11:11:11.123
q)"NT"$\:"123456123987654"
0D12:34:56.123987654
12:34:56.123
q)"D"$"12Jan2007"
2007.01.12
q)"D"$"2007/01/12"
2007.01.12
q)"D"$"01/12/2007"
2007.01.12
q)"D"$"070112"
2007.01.12
q)"U"$"12:13:14"
12:13
q)"I"$"192.168.1.34"
-1062731486i
q)"D"$("20070101";"2007.01.02";"bad";"")
2007.01.01 2007.01.02 0N 0N
q)"D"$"2007.13.01"
0Nd
q)"D"$"2007.02.29"
0Nd
q)"D"$"2008.02.29"
2008.02.29
q)"T"$"09:30:00.5"
09:30:00.500
q)"V"$"12:13"
12:13:00
q)"P"$"2007.01.01"
2007.01.01D00:00:00.000000000
q)"P"$"2007.01.01T10:00"
2007.01.01D10:00:00.000000000
q)"Z"$"2007.01.01 10:00:00.000"
2007.01.01T10:00:00.000
q)"D"$"12jan07"
2007.01.12
q)"D"$"jan/12/2007"
2007.01.12
q)"D"$"991231"
1999.12.31
q)"I"$"1.2.3"
0Ni
q)"I"$"256.1.1.1"
0Ni
q)\z 1
q)"D"$"01/12/2007"
2007.12.01
q)"D"$"12/jan/07"
2007.01.12
q)\z 0
q).ns.a:1
q).ns[`b]:2
q)@[`.ns;`c;:;3]
`.ns
q).ns
 | ::
a| 1
b| 2
c| 3
q).ns.c
3
q)"G"$"192.0.2.1"
00000000-0000-0000-0000-ffffc0000201
q)"G"$"2001:0DB8:85A3:0000:0000:8A2E:0370:7334"
20010db8-85a3-0000-0000-8a2e03707334
q)"G"$"2001:0DB8:85A3::8A2E:0370:7334"
20010db8-85a3-0000-0000-8a2e03707334
q)"G"$"::8A2E:0370:7334"
00000000-0000-0000-0000-8a2e03707334
q)"G"$"::FFFF:192.0.2.1"
00000000-0000-0000-0000-ffffc0000201
q)"G"$"::FFFF:c000:201"
00000000-0000-0000-0000-ffffc0000201
q)"G"$"8c680a01-5a49-5aab-5a65-d4bfddb6a661"
8c680a01-5a49-5aab-5a65-d4bfddb6a661
q)-8h$"3.14"
3.14e
q)-7h$("12";"34")
12 34
q)-6h$"12"
12i
q)"J"$"42"
42
q)"D"$"2020.01.02"
2020.01.02
q)u:`a`b`c
q)"i"$`u$`a`a`b`c
0 0 1 2i
q)"D"$"06/01/2010"
2010.06.01
q)/ ref/tok.md, Symbols: converting a string to a symbol removes leading and trailing blanks
q)`$"   IBM   "
`IBM
q)`$("  a";"b  ")
`a`b
q)"S"$"  x "
`x
q)/ ref/tok.md, Truthy characters
q).Q.an where"B"$'.Q.an
"txyTXY1"
q)"B"$(" Y ";"    N ")
10b
q)/ ref/tok.md, Outside of domain: digits in no date form are a null date
q)"D"$"2147483648"
0Nd
q)"D"$"1700000000"
0Nd
q)/ ref/tok.md: a month reads [yy]yy.mm, [yy]yy-mm, [yy]yy/mm, [yy]yymm or a date; a bad month is null
q)"M"$("2001.11";"2001-11";"200111";"0111";"01.11";"2001.11.23";"2001.13";"56.92";"1034";"x";"")
2001.11 2001.11 2001.11 2001.11 2001.11 2001.11 0N 0N 0N 0N 0Nm
q)/ text in a number's or a time's form is no date, month or timestamp: their nulls
q)"D"$("20:25:55";"56.92";"2020.01.01")
0N 0N 2020.01.01
q)"P"$"56.92"
0Np
q)"T"$"12:30"
12:30:00.000
q)/ ref/file-text.md, fixed-width fields of mail-header dates: dd MMM yyyy with blanks, and
q)/ a time with a sign, +hhmm or -hhmm, as an offset
q)"D"$"04 Jun 2013"
2013.06.04
q)"Z"$"04 Jun 2013 07:00:13"
2013.06.04T07:00:13.000
q)"T"$"+0900"
09:00:00.000
q)"T"$"-0500"
-05:00:00.000
q)dates:("Tue, 04 Jun 2013 07:00:13 +0900";"Tue, 04 Jun 2013 07:00:13 -0500")
q)sum(" Z T";5 20 1 5)0:dates
2013.06.04T16:00:13.000 2013.06.04T02:00:13.000
q)"D"$"4 Jun 2013"
0Nd
q)/ Tok reads q's own texts of the infinities (ref/tok.md), and 0h or "*" answer the string
q)"J"$"0W"
0W
q)"J"$("-0W";"1";"0N")
-0W 1 0N
q)"I"$"0W"
0Wi
q)"F"$"-0w"
-0w
q)"E"$"0w"
0we
q)0h$"abc"
"abc"
q)"*"$"abc"
"abc"
