using FluentValidation;

namespace ContactKit.Media.FileSystem;

/// <summary>Settings for the file-system media store, checked at start-up by <see cref="FileSystemMediaOptionsValidator"/>.</summary>
public sealed class FileSystemMediaOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "FileSystemMedia";

    /// <summary>
    /// The absolute path of an existing folder (local or a mounted share) that holds one folder per tenant. The store
    /// creates what it needs below it; the folder itself must exist, so that an unmounted share fails at start-up.
    /// </summary>
    public string RootPath { get; set; } = string.Empty;
}

/// <summary>Checks <see cref="FileSystemMediaOptions"/>: the root folder is an absolute path to an existing folder.</summary>
internal sealed class FileSystemMediaOptionsValidator : AbstractValidator<FileSystemMediaOptions>
{
    /// <summary>Creates the validator.</summary>
    public FileSystemMediaOptionsValidator()
    {
        RuleFor(o => o.RootPath)
            .Must(path => !string.IsNullOrWhiteSpace(path) && Path.IsPathFullyQualified(path))
            .WithMessage($"{FileSystemMediaErrorCodes.InvalidRootPath}: RootPath must be the absolute path of the folder that holds the media, such as /var/lib/contactkit/media.")
            .Must(Directory.Exists)
            .When(o => !string.IsNullOrWhiteSpace(o.RootPath) && Path.IsPathFullyQualified(o.RootPath), ApplyConditionTo.CurrentValidator)
            .WithMessage(o => $"{FileSystemMediaErrorCodes.InvalidRootPath}: RootPath {Errors.Excerpt(o.RootPath)} is not an existing folder; create it, or mount the share, before the host starts.");
    }
}
