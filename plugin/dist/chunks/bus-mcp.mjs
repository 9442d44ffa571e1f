#!/usr/bin/env node
import{Wb as d,Xb as h,b as i,c,cc as p,l as m,mc as u}from"./shared-SKYNWJ7J.mjs";import{a}from"./shared-RXVYLCML.mjs";var o=`usage: dispatch mcp [--as @NAME] [--root DIR]

Serves the bus to an MCP client over stdio (the client starts it; it ends when the client closes
stdin). Tools: send, wait, inbox, claim, reply, dead_letters, retry, thread, show, status. --as (else
$HELLOWORLD_AS, else @human) is the sender of a send that names none; given, it is also who reply
answers as: a message to another receiver is refused (not_yours) unless reply names it with as.
Without either, reply answers as the receiver the message is for. The root is fixed when the
server starts. Claude Code starts it through the plugin's .mcp.json; see the README for other
clients.`,y=m({name:"mcp",summary:"serve the bus to an MCP client over stdio (tools send, wait, inbox, claim, reply, dead_letters, retry, thread, show, status)",usage:o,json:!1,options:{as:{type:"string"},...d},async run(e){let s,r=process.cwd(),t;try{s=e.values.as!==void 0?p(e.values.as,"sender",o):u(o,"--as"),r=h(e.values.root)}catch(n){if(!(n instanceof i))throw n;t={message:`this server could not start as its MCP configuration asks: ${c(n).replace(/^usage: [\s\S]*$/m,"").trim()}; change the dispatch mcp arguments (--as, --root) or HELLOWORLD_AS / HELLOWORLD_ROOT in that configuration, then restart the server`,code:"mcp_config"},e.io.stderr.write(`dispatch mcp: ${t.message}
`),s=void 0}let{serveStdio:l}=await f();await l({root:r,as:s??"human",...s!==void 0?{identity:s}:{},...t?{startupError:t}:{}})}});async function f(){let e=import.meta.url,s=e.includes("/chunks/")?"../dispatch-mcp.mjs":"./dispatch-mcp.mjs";return await import(e.endsWith(".mjs")?new URL(s,e).href:new URL("../mcp/server.ts",e).href)}a(f,"loadServer");export{y as mcpCommand};
