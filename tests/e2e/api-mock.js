// A stand-in for the site's API inside the browser tests of the forms: answers chosen per test,
// and a record of what the page sent. (The real API's own tests drive the real server.)

export async function mockApi(page, answers = {}) {
  const sent = [];
  await page.route("**/api/**", async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname.replace(/^.*\/api/, "");
    const key = `${request.method()} ${path}`;
    const body = request.postData() ? JSON.parse(request.postData()) : null;
    sent.push({ key, body });
    const answer = answers[key] ?? { status: 404, json: { message: "Not found" } };
    const resolved = typeof answer === "function" ? await answer(body, sent) : answer;
    if (resolved === "abort") return route.abort("internetdisconnected");
    if (resolved.delay) await new Promise((resolve) => setTimeout(resolve, resolved.delay));
    await route.fulfill({
      status: resolved.status,
      headers: resolved.headers ?? {},
      contentType: resolved.contentType ?? (resolved.json === undefined ? "text/plain" : "application/json"),
      body: resolved.json === undefined ? resolved.body ?? "" : JSON.stringify(resolved.json),
    });
  });
  return sent;
}

export const accepted = { status: 202, json: {} };
export const noContent = { status: 204 };
