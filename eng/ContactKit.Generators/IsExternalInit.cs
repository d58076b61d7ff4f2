namespace System.Runtime.CompilerServices;

/// <summary>Lets records compile for netstandard2.0, where the compiler's marker type is missing.</summary>
internal static class IsExternalInit;
