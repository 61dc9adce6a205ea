/ A q server for examples/html/ws.html: the page is a file under .h.HOME, and each WebSocket
/ message is a q expression, answered with its console text (an error as 'msg).
/ From the repository root: ./build/openq examples/ws.q -p 5060, then open
/ http://localhost:5060/ws.html#til%2010 in a browser.
.h.HOME:"examples/html";
.z.ws:{neg[.z.w] @[{.Q.s value x};x;{"'",x}]};
