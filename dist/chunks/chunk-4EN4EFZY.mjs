#!/usr/bin/env node
import{a as f}from"./chunk-MJIF3CCS.mjs";import{a,d as h}from"./chunk-IDPOGZEX.mjs";var t=h(f(),1);var s=256;function u(e){let l=0,i=0,n=0;for(;n<=e.length;){let o=l;for(;e[n]===" "||e[n]==="	";)o++,n++;for(;n<e.length&&e[n]!==`
`;n++){let r=e[n];r==="["||r==="{"?(l++,o++):r==="]"||r==="}"?l=Math.max(0,l-1):(r==="-"||r==="?"||r===":")&&(n+1===e.length||e[n+1]===" "||e[n+1]===`
`)&&o++}o>i&&(i=o),n++}return i}a(u,"yamlDepthBound");function m(e,{aliases:l=!0}={}){if(u(e)>s)throw new Error(`the YAML may nest deeper than ${s} levels`);return(0,t.parse)(e,{logLevel:"error",...l?{}:{maxAliasCount:0}})}a(m,"parseYamlQuietly");export{m as a};
