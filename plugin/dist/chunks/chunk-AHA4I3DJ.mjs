#!/usr/bin/env node
import{a}from"./chunk-MJIF3CCS.mjs";import{a as h,d as t}from"./chunk-IDPOGZEX.mjs";var s=t(a(),1);var f=256;function p(e){let o=0,i=0,n=0;for(;n<=e.length;){let l=o;for(;e[n]===" "||e[n]==="	";)l++,n++;for(;n<e.length&&e[n]!==`
`;n++){let r=e[n];r==="["||r==="{"?(o++,l++):r==="]"||r==="}"?o=Math.max(0,o-1):(r==="-"||r==="?"||r===":")&&(n+1===e.length||e[n+1]===" "||e[n+1]===`
`)&&l++}l>i&&(i=l),n++}return i}h(p,"yamlDepthBound");function m(e){if(p(e)>f)throw new Error(`the YAML may nest deeper than ${f} levels`);return(0,s.parse)(e,{logLevel:"error"})}h(m,"parseYamlQuietly");export{m as a};
