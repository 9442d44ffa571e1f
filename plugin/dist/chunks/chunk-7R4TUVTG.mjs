#!/usr/bin/env node
import{a as e}from"./chunk-Z57D6PH6.mjs";var s=/[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\u180e\u{e0000}-\u{e007f}]/gu;function c(r){return s.lastIndex=0,!s.test(r)}e(c,"isPrintable");function o(r){let n=r.codePointAt(0);return n<=255?`\\x${n.toString(16).padStart(2,"0")}`:`\\u{${n.toString(16)}}`}e(o,"visibleEscape");function l(r){return r.replace(/\r\n/g,`
`).replace(s,n=>n===`
`||n==="	"?n:o(n))}e(l,"terminalText");function g(r,n){let t=r.charCodeAt(n-1);return r.slice(0,t>=55296&&t<=56319?n-1:n)}e(g,"cut");function u(r,n=200){let t=r.replace(s,i=>i===`
`?"\\n":i==="\r"?"\\r":i==="	"?"\\t":o(i));return t.length>n?`${g(t,n)}…`:t}e(u,"inlineText");function p(r){return u(r,4e3)}e(p,"errorText");function f(r,n=120){let t=String(r??"").replace(/\r\n|\r|\n/g,"\\n").replace(/\t/g," ");return t=t.replace(s,"?"),t.length>n&&(t=`${g(t,n-1)}…`),t=t.replace(/`/g,"'").replace(/signed\s*:/gi,i=>i.replace(":","\\:")),`\`${t}\``}e(f,"logValue");export{c as a,l as b,u as c,p as d,f as e};
