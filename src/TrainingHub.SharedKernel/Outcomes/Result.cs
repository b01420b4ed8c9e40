using System.Diagnostics.CodeAnalysis;

namespace TrainingHub.SharedKernel.Outcomes;

public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    TooManyRequests,
}

/// <summary>A problem with one input field; <see cref="Key"/> is a localisation key, <see cref="Arguments"/> fill its placeholders.</summary>
public sealed record FieldError(string Field, string Key, params object[] Arguments);

/// <summary>Why an operation did not happen, in localisation keys so that each person reads it in their language.</summary>
public sealed record Error(ErrorKind Kind, string Key, IReadOnlyList<FieldError> Fields)
{
    public static Error NotFound { get; } = new(ErrorKind.NotFound, "Error:NotFound", []);
    public static Error Forbidden { get; } = new(ErrorKind.Forbidden, "Error:Forbidden", []);
    public static Error Conflict { get; } = new(ErrorKind.Conflict, "Error:ChangedBySomeoneElse", []);

    public static Error Validation(IReadOnlyList<FieldError> fields) => new(ErrorKind.Validation, "Error:Validation", fields);

    public static Error Validation(string field, string key, params object[] arguments) =>
        Validation([new FieldError(field, key, arguments)]);

    /// <summary>A rule about the operation as a whole rather than one field.</summary>
    public static Error Rule(string key) => new(ErrorKind.Validation, key, []);

    public string? ErrorFor(string field) => Fields.FirstOrDefault(f => f.Field == field)?.Key;
}

public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool Succeeded => Error is null;

    /// <summary>True with the error when the operation failed: <c>if (saved.Failed(out var error)) return error;</c></summary>
    public bool Failed([NotNullWhen(true)] out Error? error)
    {
        error = Error;
        return error is not null;
    }

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => new(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(null) => _value = value;

    private Result(Error error) : base(error)
    {
    }

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The operation failed: {Error!.Key}");

    /// <summary>
    /// The value when the operation succeeded, else the error:
    /// <c>if (!found.TryGetValue(out var course, out var error)) return error;</c>
    /// </summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Error? error)
    {
        value = _value;
        error = Error;
        return error is null;
    }

    public static Result<T> Success(T value) => new(value);

    public static new Result<T> Failure(Error error) => new(error);

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
}
