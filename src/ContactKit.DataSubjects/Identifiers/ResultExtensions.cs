namespace ContactKit.DataSubjects;

/// <summary>Turns a refused parse into the format exception that <c>Parse</c> methods document.</summary>
internal static class ResultExtensions
{
    public static T OrThrowFormat<T>(this Result<T> result) =>
        result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
}
