using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RecruitOps.Auth;

namespace RecruitOps.Operations;

/// <summary>Record, list and get operations (shared/API.md). The same methods serve both hosts.</summary>
public sealed class OperationFunctions(
    IRequestAuthenticator authenticator,
    OperationRecorder recorder,
    IOperationStore store)
{
    [Function(nameof(RecordOperation))]
    public async Task<IResult> RecordOperation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recruits/operations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(request, AccessLevel.Write, cancellationToken);
        if (auth.Failure is not null)
        {
            return auth.Failure;
        }

        var body = await RequestBody.ReadJsonAsync(request, OperationLimits.MaxBodyBytes, cancellationToken);
        if (body.Failure is not null)
        {
            return body.Failure;
        }

        var draft = OperationRequestParser.Parse(body.Content, out var errors);
        if (draft is null)
        {
            return Problems.Invalid(errors);
        }

        var result = await recorder.RecordAsync(draft, auth.Actor!, cancellationToken);
        return result.Outcome switch
        {
            RecordOutcome.Created => TypedResults.Created(LocationOf(request, result.Operation!), result.Operation),
            RecordOutcome.AlreadyRecorded => TypedResults.Ok(result.Operation),
            _ => Problems.Conflict($"The operationId '{draft.OperationId}' was already used for a different operation."),
        };
    }

    [Function(nameof(ListOperations))]
    public async Task<IResult> ListOperations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recruits/operations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(request, AccessLevel.Read, cancellationToken);
        if (auth.Failure is not null)
        {
            return auth.Failure;
        }

        var (page, errors) = ReadPageRequest(request.Query);
        if (page is null)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            return TypedResults.Ok(await store.ListAsync(page, cancellationToken));
        }
        catch (InvalidCursorException ex)
        {
            return Problems.Invalid("cursor", ex.Message);
        }
    }

    [Function(nameof(GetOperation))]
    public async Task<IResult> GetOperation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recruits/operations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var auth = await authenticator.AuthenticateAsync(request, AccessLevel.Read, cancellationToken);
        if (auth.Failure is not null)
        {
            return auth.Failure;
        }

        if (!OperationId.IsValid(id))
        {
            return Problems.Invalid("id", "An operation id is 26 characters of 0-9 and A-Z (Crockford base32).");
        }

        return await store.GetAsync(id, cancellationToken) is { } operation
            ? TypedResults.Ok(operation)
            : Problems.NotFound($"No operation has the id {id}.");
    }

    /// <summary>Built from the request's own path, so it stays right whatever route prefix host.json sets.</summary>
    internal static string LocationOf(HttpRequest request, Operation operation) =>
        $"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{operation.Id}";

    private static (PageRequest? Page, Dictionary<string, string[]> Errors) ReadPageRequest(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = PageRequest.DefaultLimit;
        if (Single(query, "limit", errors) is { } limitText &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > PageRequest.MaxLimit))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {PageRequest.MaxLimit}."];
        }

        var recruitId = Single(query, "recruitId", errors);
        if (recruitId is not null && !RequestFields.IsKey(recruitId))
        {
            errors["recruitId"] = [$"Use 1 to {OperationLimits.MaxKeyLength} of the characters A-Z a-z 0-9 _ -."];
        }

        var cursor = Single(query, "cursor", errors);
        if (cursor is { Length: 0 or > 1024 })
        {
            errors["cursor"] = ["The cursor is not one this API issued."];
        }

        return errors.Count > 0 ? (null, errors) : (new PageRequest(recruitId, limit, cursor), errors);
    }

    private static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            errors[name] = ["Give this parameter once."];
            return null;
        }

        return values[0];
    }
}
