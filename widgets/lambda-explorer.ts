import { finite, widgetError, widgetShell, type Problems } from "./shared";

/** One mixture of k experts: merged validation loss at each slider position, and the real fine-tune's loss. */
export interface LambdaMixture {
  /** e.g. "mnist + uci-digits". */
  name: string;
  /** Number of experts merged (the mean is λ = 1/k). */
  k: number;
  /** Merged model's validation loss at each position t of {@link LambdaCurves.t}, λ = 1/k + t·(1 − 1/k). */
  merged: number[];
  /** Validation loss of θ0 fine-tuned on the mixture itself. */
  real: number;
}

/** What the λ explorer shows: positions t ∈ [0, 1] from the mean (0) to the sum (1), per mixture. */
export interface LambdaCurves {
  target: string;
  t: number[];
  mixtures: LambdaMixture[];
}

/** Problems with a LambdaCurves (empty when it can be shown). */
export function lambdaCurvesProblems(d: LambdaCurves): Problems {
  const p: Problems = [];
  if (!d || !Array.isArray(d.t) || d.t.length < 2) return ["t: expected at least 2 positions in [0, 1]"];
  if (d.t.some((v, i) => !finite(v) || v < 0 || v > 1 || (i > 0 && v <= d.t[i - 1])))
    p.push("t: expected increasing positions in [0, 1]");
  if (!Array.isArray(d.mixtures) || d.mixtures.length === 0) p.push("mixtures: expected at least one mixture");
  for (const m of d.mixtures ?? []) {
    if (!Number.isInteger(m.k) || m.k < 1) p.push(`${m.name}: k = ${m.k}, expected a positive integer`);
    if (!Array.isArray(m.merged) || m.merged.length !== d.t.length || !m.merged.every(finite))
      p.push(`${m.name}: merged must be ${d.t.length} finite losses`);
    if (!finite(m.real)) p.push(`${m.name}: real = ${m.real}, expected a finite loss`);
  }
  return p;
}

const SCRIPT = `
var s=el("input",{type:"range",min:"0",max:String(D.t.length-1),step:"1",value:"0","aria-label":"position between the mean and the sum"});
var lab=el("label",{style:"display:inline-flex;align-items:center;gap:6px"});lab.appendChild(document.createTextNode("mean"));lab.appendChild(s);lab.appendChild(document.createTextNode("sum"));controls.appendChild(lab);
var COL=["#1f77b4","#d62728","#2ca02c","#9467bd"];
function lam(m,t){return 1/m.k+t*(1-1/m.k);}
function update(){var i=Number(s.value),t=D.t[i];
  status.textContent="t = "+t.toFixed(2)+": "+D.mixtures.map(function(m){return m.name+" — λ = "+lam(m,t).toFixed(2)+", merged val loss "+fmt(m.merged[i])+" vs real "+fmt(m.real);}).join(" · ");
  root.setAttribute("data-index",String(i));root.setAttribute("data-merged",D.mixtures.map(function(m){return m.merged[i];}).join(","));
  withPlotly(plot,function(P){var tr=[];D.mixtures.forEach(function(m,j){var c=COL[j%COL.length];
    tr.push({type:"scatter",mode:"lines",name:esc(m.name)+": merged",x:D.t,y:m.merged,line:{color:c}});
    tr.push({type:"scatter",mode:"lines",name:esc(m.name)+": real fine-tune",x:[0,1],y:[m.real,m.real],line:{color:c,dash:"dash"}});
    tr.push({type:"scatter",mode:"markers",showlegend:false,x:[t],y:[m.merged[i]],marker:{size:13,color:c}});});
    P.react(plot,tr,{title:{text:"Merged model between the mean and the sum<br>of the experts (target "+esc(D.target)+")"},
      xaxis:{title:{text:"position t: λ = 1/k + t·(1 − 1/k)   (0 = mean, 1 = sum of task vectors)"},range:[-0.02,1.02]},
      yaxis:{title:{text:"validation loss on the target (lower is better)"}},margin:{t:70,l:70,r:20,b:60},legend:{orientation:"h",y:-0.25}},{responsive:true,displaylogo:false});});}
s.addEventListener("input",update);update();
`;

/**
 * The λ explorer: a slider from the experts' mean (λ = 1/k) to their sum (λ = 1); for each mixture it shows
 * the merged model's validation loss along the way against the loss of the model really fine-tuned on the
 * mixture (a dashed line), with the current position marked. Everything is precomputed; the page runs alone.
 *
 * @example
 * tslab.display.html(lambdaExplorer({ target: "t", t: [0, 0.5, 1], mixtures: [{ name: "a + b", k: 2, merged: [0.9, 0.8, 0.85], real: 0.78 }] }));
 */
export function lambdaExplorer(d: LambdaCurves, options: { height?: number } = {}): string {
  const problems = lambdaCurvesProblems(d);
  if (problems.length > 0) return widgetError("λ explorer", problems);
  return widgetShell("lambda-explorer", d, SCRIPT, options.height ?? 440);
}
