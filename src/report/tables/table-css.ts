// No imports: the report page takes its table CSS from here without loading the table modules (and arquero).

/** The tables' CSS (the report page embeds it; notebook tables carry it): compact, headers wrap, numbers right-aligned. */
export const TABLE_CSS = `div.m2m-scroll{max-width:100%;overflow-x:auto}
table.m2m-table{border-collapse:collapse;margin:8px 0 18px;font-size:12.5px;table-layout:auto}
table.m2m-table th,table.m2m-table td{border-bottom:1px solid #ddd;padding:3px 7px;line-height:1.3}
table.m2m-table th{background:#f4f4f4;text-align:left;vertical-align:bottom;white-space:normal}
table.m2m-table td{text-align:left}
table.m2m-table td:first-child{white-space:nowrap}
table.m2m-table span.m2m-nw{white-space:nowrap}
table.m2m-table tr.m2m-summary td{font-weight:600;border-top:2px solid #999}
table.m2m-table caption{text-align:left;font-weight:600;padding:4px 0;caption-side:top}`;
