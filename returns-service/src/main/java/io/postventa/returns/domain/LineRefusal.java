package io.postventa.returns.domain;

/** Why a requested line is refused: which line ({@code lines[i].quantity}) and the reason. */
public record LineRefusal(String field, Ineligibility reason, String detail) {
}
