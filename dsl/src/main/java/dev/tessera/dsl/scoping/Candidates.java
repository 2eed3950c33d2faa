package dev.tessera.dsl.scoping;

import static dev.tessera.model.TesseraPackage.Literals.*;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;

import dev.tessera.core.xen.Systems;
import dev.tessera.model.Device;
import dev.tessera.model.DeviceKind;
import dev.tessera.model.Domain;
import dev.tessera.model.EventChannel;
import dev.tessera.model.Frontend;
import dev.tessera.model.GpuGuest;
import dev.tessera.model.GpuShare;
import dev.tessera.model.Passthrough;
import dev.tessera.model.Role;
import dev.tessera.model.SharedMemory;
import dev.tessera.model.ShmMapping;
import dev.tessera.model.Start;
import dev.tessera.model.System;

/**
 * Which of the names in scope are valid where a reference is written: the scope says what exists, this says what
 * fits (a UART for Xen's console, an enabled device no other domain has for a passthrough, a driver domain or dom0
 * as a backend ...). Completion offers only what fits; "did you mean" prefers it. Each answer is what a rule of the
 * catalogue would otherwise report, so a proposal taken from completion never makes an error of its own.
 */
public final class Candidates {
	private Candidates() {
	}

	/** Null when {@code target} fits {@code reference} written in {@code context}; else why not, in a few words. */
	public static String whyNot(EObject context, EReference reference, EObject target) {
		if (target == null || target.eIsProxy()) return null;
		System system = EcoreUtil2.getContainerOfType(context, System.class);
		Domain here = EcoreUtil2.getContainerOfType(context, Domain.class);
		if (reference == XEN_SETTINGS__CONSOLE && target instanceof Device d) {
			if (d.getKind() != DeviceKind.UART) return "not a UART";
			if (d.isDisabled()) return "disabled";
			Domain owner = owner(system, d, null);
			return owner == null ? null : "passed through to domain '" + owner.getName() + "'";
		}
		if (reference == PASSTHROUGH__DEVICE && target instanceof Device d) {
			if (d.isDisabled()) return "disabled";
			if (system != null && system.getXen() != null && system.getXen().getConsole() == d) return "Xen's console";
			if (d.getKind() == DeviceKind.TIMER) return "Xen's timer";
			Passthrough self = EcoreUtil2.getContainerOfType(context, Passthrough.class);
			Domain owner = owner(system, d, self);
			if (owner == null) return null;
			return owner == here ? "already passed through" : "passed through to domain '" + owner.getName() + "'";
		}
		if (reference == GPU_SHARE__DEVICE && target instanceof Device d) {
			if (d.getKind() != DeviceKind.GPU) return "not a GPU";
			if (d.isDisabled()) return "disabled";
			GpuShare self = EcoreUtil2.getContainerOfType(context, GpuShare.class);
			if (system != null) for (GpuShare g : system.getGpus())
				if (g != self && g.getDevice() == d) return "already shared";
			return null;
		}
		if (reference == GPU_SHARE__HOST && target instanceof Domain d) {
			if (Systems.startOf(d) == Start.DOM0) return null;
			GpuShare share = EcoreUtil2.getContainerOfType(context, GpuShare.class);
			Device gpu = share == null ? null : share.getDevice();
			if (gpu != null && !gpu.eIsProxy())
				return d.getPassthrough().stream().anyMatch(p -> p.getDevice() == gpu) ? null : "not given the GPU";
			return d.getRole() == Role.DRIVER ? null : "not a driver domain";
		}
		if (reference == GPU_GUEST__DOMAIN && target instanceof Domain d) {
			GpuShare share = EcoreUtil2.getContainerOfType(context, GpuShare.class);
			if (share == null) return null;
			if (share.getHost() == d) return "the GPU's host";
			GpuGuest self = EcoreUtil2.getContainerOfType(context, GpuGuest.class);
			for (GpuGuest g : share.getGuests())
				if (g != self && g.getDomain() == d) return "already a guest";
			return null;
		}
		if (reference == FRONTEND__BACKEND && target instanceof Domain d) {
			Frontend f = EcoreUtil2.getContainerOfType(context, Frontend.class);
			Domain frontendDomain = f != null ? EcoreUtil2.getContainerOfType(f, Domain.class) : here;
			if (d == frontendDomain) return "the domain itself";
			return d.getRole() == Role.DRIVER || d.getRole() == Role.CONTROL ? null : "a guest, not a driver domain";
		}
		if (reference == SHM_MAPPING__DOMAIN && target instanceof Domain d) {
			if (Systems.startOf(d) != Start.BOOT) return "not started at boot";
			SharedMemory shm = EcoreUtil2.getContainerOfType(context, SharedMemory.class);
			ShmMapping self = EcoreUtil2.getContainerOfType(context, ShmMapping.class);
			if (shm != null) {
				if (shm.getOwner() != null && shm.getOwner() != self && shm.getOwner().getDomain() == d) return "already maps it";
				for (ShmMapping m : shm.getBorrowers())
					if (m != self && m.getDomain() == d) return "already maps it";
			}
			return null;
		}
		if ((reference == EVENT_CHANNEL__A || reference == EVENT_CHANNEL__B) && target instanceof Domain d) {
			if (Systems.startOf(d) == Start.XL) return "started with xl";
			EventChannel e = EcoreUtil2.getContainerOfType(context, EventChannel.class);
			if (e != null && reference == EVENT_CHANNEL__B && e.getA() == d) return "the other end";
			return null;
		}
		if (reference == DOMAIN__CPUPOOL && here != null && Systems.startOf(here) != Start.BOOT)
			return Systems.startOf(here) == Start.DOM0 ? "dom0 stays in Pool-0" : "only for domains started at boot";
		return null;
	}

	public static boolean fits(EObject context, EReference reference, EObject target) {
		return whyNot(context, reference, target) == null;
	}

	/** The domain other than through {@code except} that passes {@code device} through, or null. */
	static Domain owner(System system, Device device, Passthrough except) {
		if (system == null) return null;
		for (Domain d : system.getDomains())
			for (Passthrough p : d.getPassthrough())
				if (p != except && p.getDevice() == device) return d;
		return null;
	}
}
