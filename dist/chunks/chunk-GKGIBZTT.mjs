#!/usr/bin/env node
import{a as i}from"./chunk-JR272ABH.mjs";var s=/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;function u(e){return s.lastIndex=0,!s.test(e)}i(u,"isPrintable");function o(e){let n=e.codePointAt(0);return n<=255?`\\x${n.toString(16).padStart(2,"0")}`:`\\u{${n.toString(16)}}`}i(o,"visibleEscape");function g(e){return e.replace(/\r\n/g,`
`).replace(s,n=>n===`
`||n==="	"?n:o(n))}i(g,"terminalText");function l(e,n=200){let t=e.replace(s,r=>r===`
`?"\\n":r==="\r"?"\\r":r==="	"?"\\t":o(r));return t.length>n?`${t.slice(0,n)}…`:t}i(l,"inlineText");function c(e,n=120){let t=String(e??"").replace(/\r\n|\r|\n/g,"\\n").replace(/\t/g," ");return t=t.replace(s,"?"),t.length>n&&(t=`${t.slice(0,n-1)}…`),t=t.replace(/`/g,"'").replace(/signed\s*:/gi,r=>r.replace(":","\\:")),`\`${t}\``}i(c,"logValue");export{u as a,g as b,l as c,c as d};
