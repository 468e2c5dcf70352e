using System.Net;
using System.Text;

namespace RecruitOps.Tests.Auth;

public static partial class HostileRequests
{
    private static void AddBodyCases(Dictionary<string, HostileRequest> cases)
    {
        var writer = Writer;
        Media(cases, "a body sent as text/plain", "text/plain");
        Media(cases, "a body sent with no content type", null);
        Media(cases, "a body sent as JSON in Latin-1", "application/json; charset=iso-8859-1");
        Media(cases, "a body sent as a form", "application/x-www-form-urlencoded");
        cases["a body just over 64 KiB"] = new(HttpStatusCode.RequestEntityTooLarge, _ =>
            Post($$"""{"recruitId":"R20001","action":"created","note":"{{new string('n', 66_000)}}"}""", writer));
        cases["a body over the server-wide limit"] = new(HttpStatusCode.RequestEntityTooLarge, _ =>
            Post($$"""{"recruitId":"R20001","action":"created","note":"{{new string('n', 300_000)}}"}""", writer));
        cases["a chunked body over 64 KiB"] = new(HttpStatusCode.RequestEntityTooLarge, _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Operations)
            {
                // JsonContent has no length up front, so it goes out chunked and only reading it finds the size.
                Content = System.Net.Http.Json.JsonContent.Create(new { recruitId = "R20001", action = "created", note = new string('n', 70_000) }),
            };
            request.Headers.Authorization = new("Bearer", writer);
            return request;
        });

        Invalid(cases, "an empty body", "", "body");
        Invalid(cases, "an unterminated object", "{", "body");
        Invalid(cases, "a null body", "null", "body");
        Invalid(cases, "an array body", "[]", "body");
        Invalid(cases, "a string body", "\"created\"", "body");
        Invalid(cases, "single-quoted JSON", "{'recruitId':'R20001','action':'created'}", "body");
        Invalid(cases, "a trailing comma", """{"recruitId":"R20001","action":"created",}""", "body");
        Invalid(cases, "a comment in the JSON", """{"recruitId":"R20001",/* x */"action":"created"}""", "body");
        Invalid(cases, "a NaN literal", """{"recruitId":"R20001","action":"created","note":NaN}""", "body");
        Invalid(cases, "nesting deeper than allowed", """{"recruitId":"R20001","action":"updated","changes":[{"field":"a","from":""" +
            new string('[', 64) + new string(']', 64) + ""","to":1}]}""", "body");
        cases["invalid UTF-8 bytes"] = new(HttpStatusCode.BadRequest, _ =>
            PostBytes([.. Encoding.UTF8.GetBytes("{\"recruitId\":\"R20001\",\"action\":\"created\",\"note\":\""), 0xC3, 0x28, .. "\"}"u8.ToArray()], writer), "note");
        Invalid(cases, "a duplicated action", """{"recruitId":"R20001","action":"created","action":"archived"}""", "action");
        Invalid(cases, "an actor in the body", """{"recruitId":"R20001","action":"created","actor":{"sub":"u-1","role":"gicho"}}""", "actor");
        Invalid(cases, "an id in the body", """{"recruitId":"R20001","action":"created","id":"01ARZ3NDEKTSV4RRFFQ69G5FAV"}""", "id");

        Invalid(cases, "a numeric recruitId", """{"recruitId":10001,"action":"created"}""", "recruitId");
        Invalid(cases, "a null recruitId", """{"recruitId":null,"action":"created"}""", "recruitId");
        Invalid(cases, "a numeric recruitName", """{"recruitId":"R20001","recruitName":5,"action":"created"}""", "recruitName");
        Invalid(cases, "an array action", """{"recruitId":"R20001","action":["created"]}""", "action");
        Invalid(cases, "a boolean decision", """{"recruitId":"R20001","action":"interview_decision","decision":true}""", "decision");
        Invalid(cases, "an object note", """{"recruitId":"R20001","action":"created","note":{}}""", "note");
        Invalid(cases, "a fractional operationId", """{"recruitId":"R20001","action":"created","operationId":1.5}""", "operationId");
        Invalid(cases, "changes as a string", """{"recruitId":"R20001","action":"updated","changes":"phone"}""", "changes");
        Invalid(cases, "changes holding a number", """{"recruitId":"R20001","action":"updated","changes":[1]}""", "changes[0]");
        Invalid(cases, "a change with a numeric field", """{"recruitId":"R20001","action":"updated","changes":[{"field":1,"from":"a","to":"b"}]}""", null);

        Invalid(cases, "a recruitId of 65 characters", Body(recruitId: new string('R', 65)), "recruitId");
        Invalid(cases, "an empty recruitId", Body(recruitId: ""), "recruitId");
        Invalid(cases, "a recruitName of 101 characters", Body(extra: $"\"recruitName\":\"{new string('名', 101)}\""), "recruitName");
        Invalid(cases, "a note of 2001 characters", Body(extra: $"\"note\":\"{new string('n', 2001)}\""), "note");
        Invalid(cases, "an operationId of 65 characters", Body(extra: $"\"operationId\":\"{new string('o', 65)}\""), "operationId");
        Invalid(cases, "51 changes", """{"recruitId":"R20001","action":"updated","changes":[""" +
            string.Join(",", Enumerable.Repeat("""{"field":"f","from":1,"to":2}""", 51)) + "]}", "changes");
        Invalid(cases, "a change field of 65 characters",
            $$"""{"recruitId":"R20001","action":"updated","changes":[{"field":"{{new string('f', 65)}}","from":1,"to":2}]}""", null);

        Invalid(cases, "a NUL in recruitId", Body(recruitId: "R2\\u0000"), "recruitId");
        Invalid(cases, "a line break in recruitName", Body(extra: "\"recruitName\":\"Two\\nLines\""), "recruitName");
        Invalid(cases, "a bell in recruitName", Body(extra: "\"recruitName\":\"Bell\\u0007\""), "recruitName");
        Invalid(cases, "a NUL in note", Body(extra: "\"note\":\"a\\u0000b\""), "note");
        Invalid(cases, "a lone surrogate in note", Body(extra: "\"note\":\"a\\ud800b\""), "note");
        Invalid(cases, "an escape character in a change field", """{"recruitId":"R20001","action":"updated","changes":[{"field":"f\u001b","from":1,"to":2}]}""", null);

        Invalid(cases, "a missing action", """{"recruitId":"R20001"}""", "action");
        Invalid(cases, "a missing recruitId", """{"action":"created"}""", "recruitId");
        Invalid(cases, "a decision action without a decision", """{"recruitId":"R20001","action":"interview_decision"}""", "decision");
        Invalid(cases, "a decision on created", """{"recruitId":"R20001","action":"created","decision":"pass"}""", "decision");
        Invalid(cases, "updated without changes", """{"recruitId":"R20001","action":"updated"}""", "changes");
        Invalid(cases, "an unknown action", """{"recruitId":"R20001","action":"deleted"}""", "action");
    }

    private static void AddInjectionCases(Dictionary<string, HostileRequest> cases)
    {
        foreach (var (value, index) in Injections.Select((value, index) => (value, index)))
        {
            var json = System.Text.Json.JsonSerializer.Serialize(value);
            var query = Uri.EscapeDataString(value);
            var label = $"injection {index + 1} ({value})";
            Invalid(cases, $"{label} in body recruitId", $$"""{"recruitId":{{json}},"action":"created"}""", "recruitId");
            Invalid(cases, $"{label} in body operationId", $$"""{"recruitId":"R20001","action":"created","operationId":{{json}}}""", "operationId");
            Invalid(cases, $"{label} in body action", $$"""{"recruitId":"R20001","action":{{json}}}""", "action");
            Invalid(cases, $"{label} in body decision", $$"""{"recruitId":"R20001","action":"go_live_decision","decision":{{json}}}""", "decision");
            cases[$"{label} in query recruitId"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?recruitId={query}", Reader), "recruitId");
            cases[$"{label} in query cursor"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?cursor={query}", Reader), "cursor");
            cases[$"{label} in query limit"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?limit={query}", Reader), "limit");
            cases[$"{label} as the operation id in the path"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}/{query}", Reader), "id");
        }

        cases["a traversal id with encoded slashes"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}/..%2F..%2Fhealth", Reader), "id");
        cases["a traversal id with encoded backslashes"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}/..%5C..%5Chealth", Reader), "id");
        cases["limit given twice"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?limit=1&limit=2", Reader), "limit");
        cases["limit of 201"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?limit=201", Reader), "limit");
        cases["limit of 0"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?limit=0", Reader), "limit");
        cases["a negative limit"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?limit=-1", Reader), "limit");
        cases["a query recruitId of 65 characters"] = new(HttpStatusCode.BadRequest, _ => Get($"{Operations}?recruitId={new string('R', 65)}", Reader), "recruitId");
        cases["a URL longer than 4 KiB"] = new(HttpStatusCode.RequestUriTooLong, _ => Get($"{Operations}?recruitId={new string('R', 5000)}", Reader));
    }

    private static void AddRoutingCases(Dictionary<string, HostileRequest> cases)
    {
        cases["a PUT on the operations route"] = new(HttpStatusCode.MethodNotAllowed, _ => Send(HttpMethod.Put, Operations, Writer));
        cases["a DELETE of an operation"] = new(HttpStatusCode.MethodNotAllowed, id => Send(HttpMethod.Delete, $"{Operations}/{id}", Writer));
        cases["a PATCH on the stream"] = new(HttpStatusCode.MethodNotAllowed, _ => Send(HttpMethod.Patch, Stream, Reader));
        cases["a POST to the health probe"] = new(HttpStatusCode.MethodNotAllowed, _ => Send(HttpMethod.Post, "/api/health", null));
        cases["a GET of an unknown API route"] = new(HttpStatusCode.NotFound, _ => Get("/api/recruits/operation", Reader));
        cases["a DELETE of an unknown API route"] = new(HttpStatusCode.NotFound, _ => Send(HttpMethod.Delete, "/api/admin", Writer));
        cases["a GET outside the route prefix"] = new(HttpStatusCode.NotFound, _ => Get("/recruits/operations", Reader));
    }

    private static HttpRequestMessage Send(HttpMethod method, string url, string? token) =>
        Authorized(new HttpRequestMessage(method, url), token);

    private static string Body(string recruitId = "R20001", string? extra = null) =>
        $$"""{"recruitId":"{{recruitId}}","action":"created"{{(extra is null ? "" : "," + extra)}}}""";

    private static void Invalid(Dictionary<string, HostileRequest> cases, string name, string json, string? field) =>
        cases[name] = new(HttpStatusCode.BadRequest, _ => Post(json, Writer), field);

    private static void Media(Dictionary<string, HostileRequest> cases, string name, string? contentType) =>
        cases[name] = new(HttpStatusCode.UnsupportedMediaType, _ =>
            PostBytes(Encoding.UTF8.GetBytes("""{"recruitId":"R20001","action":"created"}"""), Writer, contentType));
}
