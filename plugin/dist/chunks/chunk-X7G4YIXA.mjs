#!/usr/bin/env node
import{j as a,k as l,l as i}from"./chunk-OXE5S4S4.mjs";import{a as c}from"./chunk-WRFCQ6NZ.mjs";function n(y,r,o=new Date){let t;try{t=l(y.state)??a()}catch{t=a()}let e={...t,peer_reachability:{...t.peer_reachability},newly_accepted:[...t.newly_accepted]};r?.(e),e.last_action=o.toISOString();try{i(y.state,e)}catch{}}c(n,"touchRelayActivity");export{n as a};
