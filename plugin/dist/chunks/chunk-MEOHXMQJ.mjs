#!/usr/bin/env node
import{a as r}from"./chunk-IDPOGZEX.mjs";var i=r(n=>n>=65&&n<=90||n>=97&&n<=122||n>=48&&n<=57||n===43||n===47,"isBase64Digit");function s(n){if(n.length%4!==0)return!1;let a=n.endsWith("==")?2:n.endsWith("=")?1:0;for(let e=0;e<n.length-a;e++)if(!i(n.charCodeAt(e)))return!1;return!0}r(s,"isStandardBase64");export{s as a};
