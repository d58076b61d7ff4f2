using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ContactKit;

/// <summary>
/// The outcome of an operation that can be refused: either a value or a <see cref="ContactKitError"/>.
/// Refusals are expected (an illegal transition, invalid input); exceptions are kept for programming errors.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T _value;

    private Result(T value, ContactKitError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary><see langword="true"/> when the operation succeeded and <see cref="Value"/> holds its value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary><see langword="true"/> when the operation was refused and <see cref="Error"/> says why.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Error is not null;

    /// <summary>The refusal, or <see langword="null"/> on success.</summary>
    public ContactKitError? Error { get; }

    /// <summary>The value of a successful operation.</summary>
    /// <exception cref="ContactKitException">The operation was refused; the exception carries the refusal.</exception>
    public T Value
    {
        get
        {
            if (Error is not null)
            {
                ThrowRefused(Error);
            }

            return _value;
        }
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory methods read naturally at the call site: Result<T>.Success(value).")]
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>Creates a refused result.</summary>
    /// <param name="error">Why the operation was refused.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory methods read naturally at the call site: Result<T>.Failure(error).")]
    public static Result<T> Failure(ContactKitError error) => new(default!, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value as a successful result.</summary>
    /// <param name="value">The value.</param>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Success is the named alternate.")]
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>Wraps an error as a refused result.</summary>
    /// <param name="error">The refusal.</param>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Failure is the named alternate.")]
    public static implicit operator Result<T>(ContactKitError error) => Failure(error);

    /// <summary>Gets the value when the operation succeeded.</summary>
    /// <param name="value">The value, or the default on refusal.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Error is null;
    }

    /// <summary>Turns the value of a successful result into another value; a refusal passes through unchanged.</summary>
    /// <typeparam name="TResult">The new value's type.</typeparam>
    /// <param name="map">The conversion.</param>
    /// <returns>The converted result.</returns>
    public Result<TResult> Map<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Error is null ? Result<TResult>.Success(map(_value)) : Result<TResult>.Failure(Error);
    }

    /// <summary>Chains another operation that can be refused; a refusal passes through unchanged.</summary>
    /// <typeparam name="TResult">The next value's type.</typeparam>
    /// <param name="next">The next operation.</param>
    /// <returns>The result of <paramref name="next"/>, or this refusal.</returns>
    public Result<TResult> Then<TResult>(Func<T, Result<TResult>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Error is null ? next(_value) : Result<TResult>.Failure(Error);
    }

    /// <summary>Calls one of two functions depending on the outcome.</summary>
    /// <typeparam name="TResult">What both functions return.</typeparam>
    /// <param name="success">Called with the value on success.</param>
    /// <param name="failure">Called with the error on refusal.</param>
    /// <returns>What the called function returned.</returns>
    public TResult Match<TResult>(Func<T, TResult> success, Func<ContactKitError, TResult> failure)
    {
        ArgumentNullException.ThrowIfNull(success);
        ArgumentNullException.ThrowIfNull(failure);
        return Error is null ? success(_value) : failure(Error);
    }

    // Kept out of line so that the getter stays small enough for the JIT to inline on the success path.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRefused(ContactKitError error) => throw new ContactKitException(error);

    /// <inheritdoc />
    public bool Equals(Result<T> other) =>
        Equals(Error, other.Error) && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Error, _value);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"Success({_value})" : $"Failure({Error})";
}
