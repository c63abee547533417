/**
 * The shared kernel: a few value types every module speaks (the {@link app.haven.shared.Caller}
 * and its {@link app.haven.shared.Role}, {@link app.haven.shared.CursorPage}, the problem
 * exceptions) and the cross-cutting machinery behind them: the current user, the transactional
 * event outbox and its relay, stores, security, problem responses and the RSocket transports.
 * It holds no business rule and depends on no other module.
 * <p>
 * Its sub-packages are named for the machinery they hold rather than the hexagon's rooms: the
 * kernel has no domain of its own, only adapters to the platform.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package app.haven.shared;

import org.springframework.modulith.ApplicationModule;
