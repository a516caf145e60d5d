// The chart page: candlesticks with volume, SMA overlays, alert markers and the batch watermark,
// history (batch views) and live bars (realtime views) from one API call, refreshed every 5 s.
// Times are shown in New York time (the exchange's), daily bars by their trading date.
// After each draw, <body data-chart="drawn" data-bars="N"> tells tests and scripts it is done.
(function () {
  'use strict';
  const LC = window.LightweightCharts;
  const params = new URLSearchParams(location.search);
  const el = (id) => document.getElementById(id);
  const status = (text, isError) => {
    el('status').textContent = text;
    el('status').className = isError ? 'error' : '';
  };
  let apiKey = params.get('key') || localStorage.getItem('marketlambda.apiKey');
  if (params.get('key')) localStorage.setItem('marketlambda.apiKey', params.get('key'));

  const chart = LC.createChart(el('chart'), {
    autoSize: true,
    layout: { attributionLogo: true },
    // Room right of the last bar, so the 'realtime from here' marker under it is not cut off.
    timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 10 },
  });
  const candles = chart.addSeries(LC.CandlestickSeries, {});
  // Candles above the volume histogram, which takes the bottom fifth.
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.1, bottom: 0.25 } });
  const volume = chart.addSeries(LC.HistogramSeries, { priceScaleId: '', priceFormat: { type: 'volume' } });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  const sma20 = chart.addSeries(LC.LineSeries, { color: '#2962ff', lineWidth: 1, title: 'SMA 20' });
  const sma50 = chart.addSeries(LC.LineSeries, { color: '#ff6d00', lineWidth: 1, title: 'SMA 50' });
  const markers = LC.createSeriesMarkers(candles, []);

  async function api(path) {
    const response = await fetch(path, { headers: { 'X-API-Key': apiKey } });
    const body = await response.json();
    if (!response.ok) {
      if (response.status === 401) askForKey();
      throw new Error(body.error ? body.error.message : response.statusText);
    }
    return body;
  }

  function askForKey() {
    el('key-form').hidden = false;
    el('key-form').onsubmit = (event) => {
      event.preventDefault();
      apiKey = el('key').value.trim();
      localStorage.setItem('marketlambda.apiKey', apiKey);
      el('key-form').hidden = true;
      start();
    };
  }

  const day = 86400 * 1000;
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const daily = (interval) => ['1d', '1w', '1mo'].includes(interval);
  const newYork = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York', hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  // lightweight-charts draws UTC timestamps as they are: a bar is placed at its New York wall-clock
  // time written as if it were UTC, and a daily bar at its trading date ('YYYY-MM-DD').
  function chartTime(ms, interval) {
    const p = Object.fromEntries(newYork.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
    if (daily(interval)) return p.year + '-' + p.month + '-' + p.day;
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) / 1000;
  }
  const plural = (n, noun) => n + ' ' + noun + (n === 1 ? '' : 's');

  async function range(symbol, interval, watermark) {
    if (daily(interval)) {
      const years = interval === '1d' ? 2 : 10;
      // Around the batch watermark; before the first batch run, around the latest trade.
      const anchor = watermark ? Date.parse(watermark) : Date.parse((await api('/v1/symbols/' + symbol + '/quote')).t);
      return { from: iso(anchor - years * 365 * day), to: iso(anchor + 90 * day) };
    }
    // Intraday bars live in the realtime views: show the session of the latest trade.
    const quote = await api('/v1/symbols/' + symbol + '/quote');
    const tradeDay = Date.parse(quote.t) - (Date.parse(quote.t) % day);
    return { from: iso(tradeDay - day), to: iso(tradeDay + day) };
  }

  async function draw() {
    const symbol = el('symbol').value;
    const interval = el('interval').value;
    // The symbol's batch watermark; the listing matches by prefix and holds batch-view symbols only.
    const listing = await api('/v1/symbols?q=' + encodeURIComponent(symbol) + '&limit=100');
    const entry = listing.results.find((s) => s.symbol === symbol);
    const watermark = entry ? entry.batch_watermark : null;
    const span = await range(symbol, interval, watermark);
    const bars = [];
    let cursor = null;
    do {
      const page = await api('/v1/symbols/' + symbol + '/bars?interval=' + interval + '&from=' + span.from + '&to=' + span.to + (cursor ? '&cursor=' + cursor : ''));
      bars.push(...page.results);
      cursor = page.next_cursor;
    } while (cursor);
    const time = (t) => chartTime(Date.parse(t), interval);
    chart.applyOptions({ timeScale: { timeVisible: !daily(interval) } });
    candles.setData(bars.map((b) => ({ time: time(b.t), open: b.o, high: b.h, low: b.l, close: b.c })));
    volume.setData(bars.map((b) => ({ time: time(b.t), value: b.v, color: b.src === 'batch' ? '#b2b5be' : '#26a69a' })));
    await drawIndicators(symbol, interval, span);
    const seam = bars.find((b) => b.src !== 'batch');
    const seamMarker = seam && bars[0].src === 'batch'
      ? [{ at: Date.parse(seam.t), position: 'belowBar', color: '#787b86', shape: 'circle', text: 'realtime from here' }]
      : [];
    markers.setMarkers([...(await alertMarkers(symbol, interval, bars)), ...seamMarker]
      .sort((a, b) => a.at - b.at)
      .map(({ at, ...marker }) => ({ ...marker, time: chartTime(at, interval) })));
    const live = bars.filter((b) => b.src !== 'batch').length;
    status(symbol + ' ' + interval + ' (New York time): ' + plural(bars.length, 'bar')
      + ' (' + (bars.length - live) + ' batch, ' + live + ' realtime), '
      + (watermark ? 'batch watermark ' + chartTime(Date.parse(watermark), '1d') : await noHistory(symbol)));
    document.body.dataset.bars = String(bars.length);
    document.body.dataset.chart = 'drawn';
  }

  // Why a symbol has no batch watermark: no batch run is served yet, or the run has no such symbol.
  // Once a run is served it stays served, so that is asked until the answer is yes.
  let batchRunServed = false;
  async function noHistory(symbol) {
    if (!batchRunServed) batchRunServed = (await api('/v1/symbols?limit=1')).results.length > 0;
    return batchRunServed
      ? symbol + ' is not in the batch views: the realtime views alone are shown'
      : 'history still loading: no batch run is served yet, the realtime views alone are shown';
  }

  async function drawIndicators(symbol, interval, span) {
    el('sma').disabled = interval !== '1d';
    if (interval !== '1d' || !el('sma').checked) {
      sma20.setData([]);
      sma50.setData([]);
      return;
    }
    const rows = [];
    let cursor = null;
    do {
      const page = await api('/v1/symbols/' + symbol + '/indicators?interval=1d&from=' + span.from + '&to=' + span.to + (cursor ? '&cursor=' + cursor : ''));
      rows.push(...page.results);
      cursor = page.next_cursor;
    } while (cursor);
    const time = (t) => chartTime(Date.parse(t), interval);
    sma20.setData(rows.filter((r) => r.sma_20_usd != null).map((r) => ({ time: time(r.t), value: r.sma_20_usd })));
    sma50.setData(rows.filter((r) => r.sma_50_usd != null).map((r) => ({ time: time(r.t), value: r.sma_50_usd })));
  }

  async function alertMarkers(symbol, interval, bars) {
    if (bars.length === 0 || daily(interval)) {
      return [];
    }
    const first = bars[0].t;
    const last = iso(Date.parse(bars[bars.length - 1].t) + 60 * 60 * 1000);
    const alerts = await api('/v1/symbols/' + symbol + '/alerts?from=' + first + '&to=' + last);
    const size = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600 }[interval] * 1000;
    return alerts.results.map((a) => ({
      at: Date.parse(a.t) - (Date.parse(a.t) % size),
      position: a.value >= 0 ? 'aboveBar' : 'belowBar',
      color: a.value >= 0 ? '#26a69a' : '#ef5350',
      shape: a.value >= 0 ? 'arrowDown' : 'arrowUp',
      text: a.type,
    }));
  }

  async function start() {
    if (!apiKey) {
      status('An API key is needed', true);
      askForKey();
      return;
    }
    try {
      const listing = await api('/v1/symbols?limit=1000');
      const select = el('symbol');
      select.innerHTML = '';
      listing.results.forEach((s) => select.add(new Option(s.symbol, s.symbol)));
      const wanted = (params.get('symbol') || '').toUpperCase();
      if (wanted) {
        if (![...select.options].some((o) => o.value === wanted)) select.add(new Option(wanted, wanted));
        select.value = wanted;
      }
      if (params.get('interval')) el('interval').value = params.get('interval');
      await draw();
    } catch (error) {
      status(error.message, true);
      document.body.dataset.chart = 'error';
    }
  }

  ['symbol', 'interval', 'sma'].forEach((id) => el(id).addEventListener('change', () => draw().catch((e) => status(e.message, true))));
  setInterval(() => { if (document.body.dataset.chart === 'drawn') draw().catch((e) => status(e.message, true)); }, 5000);
  start();
})();
