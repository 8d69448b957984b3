import { RunResults } from "../src/results/results";
import { mixturePoints } from "../src/report/points";
import { widgetError, widgetShell } from "./shared";
import { mixtureProblems } from "./validate-results";

export interface MixtureExplorerOptions {
  /** Target shown first (default: the run's first target). */
  target?: string;
  /** Plot height in pixels (default 440). */
  height?: number;
}

const SCRIPT = `
var T=0,mask=0;
var sel=el("select",{"data-role":"target","aria-label":"target"});
D.targets.forEach(function(t,i){var o=el("option",{value:String(i)},t.title);sel.appendChild(o);});
controls.appendChild(el("label",null,"target "));controls.appendChild(sel);
var boxes=el("span",{"data-role":"candidates"});controls.appendChild(boxes);
function current(){return D.targets[T];}
function buildBoxes(){boxes.textContent="";var t=current();
  t.candidates.forEach(function(c,i){var lab=el("label",{style:"margin-right:8px;white-space:nowrap"});
    var cb=el("input",{type:"checkbox","data-index":String(i)});cb.checked=!!(mask&(1<<i));
    cb.addEventListener("change",function(){mask=cb.checked?(mask|(1<<i)):(mask&~(1<<i));update();});
    lab.appendChild(cb);lab.appendChild(document.createTextNode(" "+c));boxes.appendChild(lab);});}
function best(t){var b=null;t.points.forEach(function(p){if(!b||p.merged>b.merged)b=p;});return b;}
function update(){var t=current();var pts=t.points;var p=null;
  for(var i=0;i<pts.length;i++)if(pts[i].mask===mask)p=pts[i];
  root.setAttribute("data-mask",String(mask));root.setAttribute("data-target",t.name);
  var merged=pts.map(function(q){return q.merged;}),truth=pts.map(function(q){return q.truth;});
  var nTruth=truth.filter(function(v){return v!==null;}).length;
  if(mask===0){status.textContent="Tick candidate datasets to choose a mixture ("+pts.length+" mixtures of "+t.candidates.length+" candidates).";root.setAttribute("data-rank","");}
  else if(!p){status.textContent="This mixture was not evaluated in the run.";root.setAttribute("data-rank","");}
  else{var rm=rankOf(merged,p.merged,true);var txt="Mixture: "+p.members.join(" + ")+" \\u2014 merged score "+fmt(p.merged)+" (rank "+rm+" of "+pts.length+" by merged)";
    if(p.truth!==null){var rt=rankOf(truth,p.truth,true);txt+=" \\u2014 true score "+fmt(p.truth)+" (rank "+rt+" of "+nTruth+" by truth)";root.setAttribute("data-true-rank",String(rt));}
    else{txt+=" \\u2014 true score not trained yet";root.setAttribute("data-true-rank","");}
    status.textContent=txt;root.setAttribute("data-rank",String(rm));}
  draw(t,p);}
function draw(t,p){withPlotly(plot,function(P){
  var has=t.points.filter(function(q){return q.truth!==null;});
  var b=best(t);var traces=[{type:"scatter",mode:"markers",name:"mixtures",x:has.map(function(q){return q.merged;}),y:has.map(function(q){return q.truth;}),
    text:has.map(function(q){return esc(q.members.join(" + "));}),hovertemplate:"%{text}<br>merged %{x:.4f}<br>true %{y:.4f}<extra></extra>",marker:{color:"#8aa",size:7,opacity:0.7}}];
  if(b&&b.truth!==null)traces.push({type:"scatter",mode:"markers",name:"Merge to Mix pick",x:[b.merged],y:[b.truth],text:[esc(b.members.join(" + "))],hovertemplate:"%{text}<extra>M2M pick</extra>",marker:{symbol:"star",size:14,color:"#e6a100"}});
  if(p&&p.truth!==null)traces.push({type:"scatter",mode:"markers",name:"selected mixture",x:[p.merged],y:[p.truth],text:[esc(p.members.join(" + "))],hovertemplate:"%{text}<extra>selected</extra>",marker:{size:16,color:"rgba(0,0,0,0)",line:{color:"#d62728",width:3}}});
  P.react(plot,traces,{title:{text:esc(t.title)+": merged vs mixture fine-tuned ("+esc(D.metric)+")"},margin:{t:50,l:60,r:20,b:50},xaxis:{title:{text:"merged model"}},yaxis:{title:{text:"mixture fine-tuned"}},legend:{orientation:"h",y:-0.18}},{responsive:true,displaylogo:false});});}
sel.addEventListener("change",function(){T=Number(sel.value);var b=best(current());mask=b?b.mask:0;buildBoxes();update();});
T=Math.max(0,D.initial);sel.value=String(T);var b0=best(current());mask=b0?b0.mask:0;buildBoxes();update();
`;

/**
 * The mixture explorer: tick candidate datasets and see that mixture's merged score and true
 * (mixture-fine-tuned) score, highlighted on the merged-vs-true scatter, with its rank among all
 * mixtures. Starts on Merge to Mix's pick (the starred point). Seed means; validation accuracy.
 * Inconsistent data (unknown mixtures, NaN) give a message instead of a plot.
 *
 * @example
 * tslab.display.html(mixtureExplorer(results));          // after initPlotly()
 * fs.writeFileSync("x.html", htmlPage(mixtureExplorer(results)));
 */
export function mixtureExplorer(results: RunResults, options: MixtureExplorerOptions = {}): string {
  const problems = mixtureProblems(results);
  if (problems.length > 0) return widgetError("Mixture explorer", problems);
  const points = mixturePoints(results);
  const targets = results.targets.map((name) => ({
    name,
    title: results.tasks?.[name]?.title ?? name,
    candidates: results.candidates[name],
    points: points
      .filter((p) => p.target === name)
      .map((p) => ({ mask: p.mask, members: p.members, merged: p.merged_val_acc, truth: p.true_val_acc })),
  }));
  const initial = options.target === undefined ? 0 : results.targets.indexOf(options.target);
  if (initial < 0)
    return widgetError("Mixture explorer", [
      `target ${JSON.stringify(options.target)} is not in the run (targets: ${results.targets.join(", ")})`,
    ]);
  return widgetShell(
    "mixture-explorer",
    { targets, initial, metric: "validation accuracy" },
    SCRIPT,
    options.height ?? 440,
  );
}
